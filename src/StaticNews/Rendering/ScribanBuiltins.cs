using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StaticNews.Rendering;

/// <summary>
/// Scriban's builtin objects (<c>string</c>, <c>array</c>, <c>date</c>...), each made only if a template of the build reads
/// it: those the theme's templates name are made while the model is built (<see cref="MakeAll"/>), any other when first
/// read. Scriban's own default makes all of them for the first context of the process, each by reflection over its
/// functions: 15 to 20 ms of a core, a tenth of a one-article edit at 1,000 articles, mostly for objects a theme never reads
/// (the default theme reads <c>string</c> and <c>array</c>). One per build, shared by its contexts: each context reads its
/// own copy of an object, as each context has a copy of Scriban's default (a template may change <c>date.format</c>).
/// </summary>
internal sealed class ScribanBuiltins
{
    /// <summary>The names Scriban's default builtin object holds, in its order (a test compares them with Scriban's).</summary>
    public static readonly IReadOnlyList<string> Names = ["array", "empty", "blank", "include", "include_join", "date", "html", "math", "object", "regex", "string", "timespan"];

    private readonly Dictionary<string, Lazy<ScriptObject>> _objects = new(StringComparer.Ordinal)
    {
        ["array"] = new(() => new ArrayFunctions()),
        ["date"] = new(() => new DateTimeFunctions()),
        ["html"] = new(() => new HtmlFunctions()),
        ["math"] = new(() => new MathFunctions()),
        ["object"] = new(() => new ObjectFunctions()),
        ["regex"] = new(() => new RegexFunctions()),
        ["string"] = new(() => new StringFunctions()),
        ["timespan"] = new(() => new TimeSpanFunctions()),
    };

    /// <summary>Makes the function objects among <paramref name="names"/> now, rather than when a template first reads them.</summary>
    public void MakeAll(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (_objects.TryGetValue(name, out var shared))
            {
                _ = shared.Value;
            }
        }
    }

    /// <summary>A builtin object for one template context: the cheap builtins at once, the function objects when first read.</summary>
    public ScriptObject CreateBuiltinObject() => new BuiltinObject(this);

    private sealed class BuiltinObject : ScriptObject
    {
        private readonly ScribanBuiltins _builtins;

        public BuiltinObject(ScribanBuiltins builtins)
            : base(Names.Count)
        {
            _builtins = builtins;
            SetValue("empty", EmptyScriptObject.Default, readOnly: true);
            SetValue("blank", EmptyScriptObject.Default, readOnly: true);
            SetValue("include", new IncludeFunction(), readOnly: true);
            SetValue("include_join", new IncludeJoinFunction(), readOnly: true);
        }

        public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value) =>
            base.TryGetValue(context, span, member, out value) || TryMake(member, out value);

        public override bool Contains(string member) => base.Contains(member) || _builtins._objects.ContainsKey(member);

        /// <summary>A builtin not read yet is as read-only as once read, as in Scriban's default.</summary>
        public override bool CanWrite(string member) => !_builtins._objects.ContainsKey(member) && base.CanWrite(member);

        /// <summary>The function object named <paramref name="member"/>, made (the build's first) and copied (this context's) when first read.</summary>
        private bool TryMake(string member, out object? value)
        {
            if (!_builtins._objects.TryGetValue(member, out var shared))
            {
                value = null;
                return false;
            }

            value = shared.Value.Clone(deep: true);
            SetValue(member, value, readOnly: true);
            return true;
        }
    }
}
