using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace StaticNews.Rendering;

/// <summary>
/// Scriban's builtin objects (<c>string</c>, <c>array</c>, <c>date</c>...), each made only if a template of the build reads
/// it: those the theme's templates name are made while the model is built (<see cref="Prepare"/>), any other when first
/// read. Scriban's own default makes all of them for the first context of the process, each by reflection over its
/// functions: 15 to 20 ms of a core, a tenth of a one-article edit at 1,000 articles, mostly for objects a theme never reads
/// (the default theme reads <c>string</c> and <c>array</c>). An object of static functions that the templates only call
/// by name (<c>string.downcase</c>, never <c>string</c> alone or <c>string[name]</c>) is made with those functions alone
/// (<see cref="ScribanFunctionSubset"/>). One per build, shared by its contexts: each context reads its own copy of an
/// object, as each context has a copy of Scriban's default (a template may change <c>date.format</c>).
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

    /// <summary>
    /// The classes of the function objects made of static functions alone, which may be made in part, and the names their
    /// constructor sets to a function of its own rather than the static function of that name (a test compares each function
    /// made alone with the whole object's).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (Type Class, string[] SetByConstructor)> StaticFunctionClasses =
        new Dictionary<string, (Type Class, string[] SetByConstructor)>(StringComparer.Ordinal)
        {
            ["array"] = (typeof(ArrayFunctions), []),
            ["html"] = (typeof(HtmlFunctions), []),
            ["math"] = (typeof(MathFunctions), []),
            ["object"] = (typeof(ObjectFunctions), []),
            ["regex"] = (typeof(RegexFunctions), ["escape"]),
            ["string"] = (typeof(StringFunctions), ["escape"]),
            ["timespan"] = (typeof(TimeSpanFunctions), []),
        };

    /// <summary>The function objects made for the templates' reads, whole or in part, by name.</summary>
    private readonly Dictionary<string, ScriptObject> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes the function objects the templates of <paramref name="facts"/> read now, rather than when a template first reads
    /// them: in part when every read calls a function by name, else whole. Called once, before any context is made.
    /// </summary>
    public void Prepare(IEnumerable<PartialFacts> facts)
    {
        // By object: the functions read by name, or null when some read needs the whole object.
        var read = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var (root, path) in facts.SelectMany(f => f.ReadPaths))
        {
            if (!_objects.ContainsKey(root))
            {
                continue;
            }

            var function = StaticFunctionClasses.ContainsKey(root) ? PartialAnalyzer.MemberRead(path) : null;
            if (function is null)
            {
                read[root] = null;
            }
            else if (!read.TryGetValue(root, out var functions))
            {
                read[root] = new HashSet<string>(StringComparer.Ordinal) { function };
            }
            else
            {
                functions?.Add(function);
            }
        }

        foreach (var (name, functions) in read)
        {
            _prepared[name] = functions is null
                ? _objects[name].Value
                : new ScribanFunctionSubset(StaticFunctionClasses[name].Class, functions.Except(StaticFunctionClasses[name].SetByConstructor).ToHashSet(StringComparer.Ordinal), _objects[name]);
        }
    }

    /// <summary>
    /// A builtin object for one template context: the cheap builtins at once, the function objects when first read, the
    /// <c>date</c> object telling the time of <paramref name="clock"/>.
    /// </summary>
    public ScriptObject CreateBuiltinObject(TemplateClock clock) => new BuiltinObject(this, clock);

    private sealed class BuiltinObject : ScriptObject
    {
        private readonly ScribanBuiltins _builtins;
        private readonly TemplateClock _clock;

        // Not importing its own static members (it has none to give templates): a Scriban object of a derived class otherwise
        // looks for them by reflection at every construction, one per template context.
        public BuiltinObject(ScribanBuiltins builtins, TemplateClock clock)
            : base(Names.Count, autoImportStaticsFromThisType: false)
        {
            _builtins = builtins;
            _clock = clock;
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
            if (!_builtins._objects.TryGetValue(member, out var whole))
            {
                value = null;
                return false;
            }

            var shared = _builtins._prepared.TryGetValue(member, out var prepared) ? prepared : whole.Value;
            var copy = (ScriptObject)shared.Clone(deep: true);
            if (member == "date")
            {
                // Scriban's own read the machine's clock at each call.
                copy.SetValue("now", new ConstantFunction<DateTime>(_clock.Local), readOnly: true);
                copy.SetValue("utc_now", new ConstantFunction<DateTime>(_clock.Utc), readOnly: true);
            }

            SetValue(member, copy, readOnly: true);
            value = copy;
            return true;
        }
    }
}
