using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban;
using StaticNews.Incremental;
using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>
/// Member access for the model's .NET objects through getters compiled ahead (<see cref="ModelMembers"/>) instead of
/// reflection, and for other .NET objects templates reach (a culture, a time zone) through reflection. Scriban reads a
/// property with <see cref="PropertyInfo.GetValue(object)"/> on every access; a page reads hundreds. Members are found and
/// named exactly as Scriban's own accessor does (public instance fields, then properties, declared type first, renamed, the
/// first of a name kept), and anything else an accessor does is left to Scriban's. One instance serves every context of a
/// build. Every use of an article (its members read, listed or counted) is noted in the page's
/// <see cref="HtmlTemplateContext.Reads"/>, its body-derived members apart, and so is every use of an author and every list
/// of the site read.
/// </summary>
internal sealed class ModelAccessors(bool compiledGetters)
{
    private static readonly string[] BodyDerivedMembers = [nameof(Article.Body), nameof(Article.WordCount), nameof(Article.ReadingMinutes)];

    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Func<object, object?>>> _getters = new();
    private IReadOnlySet<string>? _bodyMembers;
    private IReadOnlyDictionary<string, SiteLists>? _siteLists;

    /// <summary>Accessors reading the model's types through their compiled getters (<see cref="ModelMembers"/>).</summary>
    public ModelAccessors()
        : this(compiledGetters: true)
    {
    }

    /// <summary>
    /// The accessor for objects of <paramref name="type"/>: reading members through getters, and leaving the rest to the
    /// accessor Scriban makes for the type (<paramref name="scriban"/>, called the first time it is needed).
    /// </summary>
    public IObjectAccessor For(Type type, Func<IObjectAccessor> scriban, MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        var getters = _getters.GetOrAdd(type, t => GettersOf(t, renamer, filter));
        var fallback = new Lazy<IObjectAccessor>(scriban);
        if (type == typeof(Site))
        {
            _siteLists ??= SiteListsByName(renamer, filter);
            return new SiteAccessor(new Accessor(fallback, getters), _siteLists);
        }

        if (type == typeof(Author))
        {
            return new AuthorAccessor(new Accessor(fallback, getters));
        }

        if (type != typeof(Article))
        {
            return new Accessor(fallback, getters);
        }

        _bodyMembers ??= BodyMembersByName(renamer, filter);
        return new ArticleAccessor(new Accessor(fallback, getters), _bodyMembers);
    }

    private Dictionary<string, Func<object, object?>> GettersOf(Type type, MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        var members = Members(type, renamer, filter);
        var getters = new Dictionary<string, Func<object, object?>>(members.Count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            getters.TryAdd(member.Name, member.Read);
        }

        return getters;
    }

    /// <summary>
    /// The members of <paramref name="type"/> as templates with <paramref name="renamer"/> and <paramref name="filter"/> name
    /// them, each with its getter: the compiled table's where it serves that naming (<see cref="ModelMembers"/>), else found
    /// and read through reflection (<see cref="MembersOf"/>).
    /// </summary>
    private IReadOnlyList<ModelMember> Members(Type type, MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        if (compiledGetters && ModelMembers.Of(type, renamer, filter) is { } compiled)
        {
            return compiled;
        }

        var reflected = new List<ModelMember>();
        foreach (var (name, member) in MembersOf(type, renamer, filter))
        {
            reflected.Add(new ModelMember(name, member.Name, member is FieldInfo field ? field.GetValue : ((PropertyInfo)member).GetValue));
        }

        return reflected;
    }

    // The types templates reach are kept whole by the native build: the model's assembly is a trimmer root, and the .NET
    // types it exposes (dates, times, the site's culture and time zone) are listed in the CLI's TrimmerRoots.xml, which a
    // test checks against the model.
    /// <summary>
    /// The members of <paramref name="type"/> templates read, found and named as Scriban's typed accessor does: public
    /// instance fields, then properties, declared type first, <see cref="ScriptMemberIgnoreAttribute"/> and
    /// <paramref name="filter"/> applied, renamed by <paramref name="renamer"/>, the first of a name kept. Through reflection:
    /// the table of <see cref="ModelMembers"/> is written from it.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The model's types and the .NET types they expose are trimmer roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The model's types and the .NET types they expose are trimmer roots.")]
    internal static List<(string Name, MemberInfo Member)> MembersOf(Type type, MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        var members = new List<(string Name, MemberInfo Member)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (var field in level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && field.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && (filter is null || filter(field)))
                {
                    AddFirstOfName(field);
                }
            }

            foreach (var property in level.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (property.GetMethod is { IsPublic: true, IsStatic: false } && property.GetIndexParameters().Length == 0
                    && property.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && (filter is null || filter(property)))
                {
                    AddFirstOfName(property);
                }
            }
        }

        return members;

        void AddFirstOfName(MemberInfo member)
        {
            var name = NameOf(member, renamer);
            if (names.Add(name))
            {
                members.Add((name, member));
            }
        }
    }

    /// <summary>The lists of the site each of its members is, by template name.</summary>
    private Dictionary<string, SiteLists> SiteListsByName(MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        // Loops, not LINQ chains: Select on what Where gives is a generic virtual call, which the natively compiled tool
        // resolves at run time at a cost (see SiteBuilder.ByNameThenId).
        var members = Members(typeof(Site), renamer, filter);
        var lists = new Dictionary<string, SiteLists>(members.Count, StringComparer.Ordinal);
        foreach (var member in members)
        {
            lists[member.Name] = SiteListNames.Of(member.ClrName);
        }

        return lists;
    }

    /// <summary>The template names of the article's members derived from its body.</summary>
    private HashSet<string> BodyMembersByName(MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in Members(typeof(Article), renamer, filter))
        {
            if (BodyDerivedMembers.Contains(member.ClrName))
            {
                names.Add(member.Name);
            }
        }

        return names;
    }

    private static string NameOf(MemberInfo member, MemberRenamerDelegate renamer) =>
        renamer(member) is { Length: > 0 } name ? name : member.Name;

    private sealed class Accessor(Lazy<IObjectAccessor> scriban, IReadOnlyDictionary<string, Func<object, object?>> getters) : IObjectAccessor
    {
        public Type? IndexType => scriban.Value.IndexType;

        public bool HasIndexer => scriban.Value.HasIndexer;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => scriban.Value.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => scriban.Value.GetMembers(context, span, target);

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) =>
            getters.ContainsKey(member) || scriban.Value.HasMember(context, span, target, member);

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            if (getters.TryGetValue(member, out var read))
            {
                value = read(target);
                return true;
            }

            return scriban.Value.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => scriban.Value.TrySetValue(context, span, target, member, value);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => scriban.Value.TryGetItem(context, span, target, index, out value);

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => scriban.Value.TrySetItem(context, span, target, index, value);
    }

    /// <summary>
    /// An accessor that notes in the page's reads (<see cref="HtmlTemplateContext.Reads"/>) what a template asks of an object,
    /// then asks <paramref name="accessor"/>: a member read, its members listed (object.values, object.to_json), counted or
    /// looked for, or a member or item set or indexed.
    /// </summary>
    private abstract class NotingAccessor(Accessor accessor) : IObjectAccessor
    {
        public Type? IndexType => accessor.IndexType;

        public bool HasIndexer => accessor.HasIndexer;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target)
        {
            NoteLookedAt(context, target);
            return accessor.GetMemberCount(context, span, target);
        }

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
        {
            NoteListed(context, target);
            return accessor.GetMembers(context, span, target);
        }

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member)
        {
            NoteLookedAt(context, target);
            return accessor.HasMember(context, span, target, member);
        }

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            NoteMember(context, target, member);
            return accessor.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value)
        {
            NoteReached(context, target);
            return accessor.TrySetValue(context, span, target, member, value);
        }

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
        {
            NoteReached(context, target);
            return accessor.TryGetItem(context, span, target, index, out value);
        }

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value)
        {
            NoteReached(context, target);
            return accessor.TrySetItem(context, span, target, index, value);
        }

        /// <summary>Its members counted or one looked for.</summary>
        protected abstract void NoteLookedAt(TemplateContext context, object target);

        /// <summary>Its members listed: every member read.</summary>
        protected abstract void NoteListed(TemplateContext context, object target);

        protected abstract void NoteMember(TemplateContext context, object target, string member);

        /// <summary>A member set, or an item indexed or set.</summary>
        protected abstract void NoteReached(TemplateContext context, object target);
    }

    /// <summary>An article's accessor: whatever a template asks of an article is noted as a read of it, and of its body for <paramref name="bodyMembers"/> or its members listed.</summary>
    private sealed class ArticleAccessor(Accessor accessor, IReadOnlySet<string> bodyMembers) : NotingAccessor(accessor)
    {
        protected override void NoteLookedAt(TemplateContext context, object target) => Note(context, target, body: false);

        protected override void NoteListed(TemplateContext context, object target) => Note(context, target, body: true);

        protected override void NoteMember(TemplateContext context, object target, string member) => Note(context, target, body: bodyMembers.Contains(member));

        protected override void NoteReached(TemplateContext context, object target) => Note(context, target, body: false);

        private static void Note(TemplateContext context, object target, bool body)
        {
            if (context is not HtmlTemplateContext html)
            {
                return;
            }

            if (body)
            {
                html.Reads.NoteBody((Article)target);
            }
            else
            {
                html.Reads.Note((Article)target);
            }
        }
    }

    /// <summary>An author's accessor: whatever a template asks of an author is noted as a read of the author.</summary>
    private sealed class AuthorAccessor(Accessor accessor) : NotingAccessor(accessor)
    {
        protected override void NoteLookedAt(TemplateContext context, object target) => Note(context, target);

        protected override void NoteListed(TemplateContext context, object target) => Note(context, target);

        protected override void NoteMember(TemplateContext context, object target, string member) => Note(context, target);

        protected override void NoteReached(TemplateContext context, object target) => Note(context, target);

        private static void Note(TemplateContext context, object target)
        {
            if (context is HtmlTemplateContext html)
            {
                html.Reads.NoteAuthor((Author)target);
            }
        }
    }

    /// <summary>
    /// The site's accessor: a member read is noted as a read of the list it is (<paramref name="lists"/>, by template name; a
    /// name not there as every list), its members listed, a member set or an item as reads of every list; counting its members
    /// or looking for one reads no list.
    /// </summary>
    private sealed class SiteAccessor(Accessor accessor, IReadOnlyDictionary<string, SiteLists> lists) : NotingAccessor(accessor)
    {
        protected override void NoteLookedAt(TemplateContext context, object target)
        {
        }

        protected override void NoteListed(TemplateContext context, object target) => Note(context, SiteLists.All);

        protected override void NoteMember(TemplateContext context, object target, string member) => Note(context, lists.GetValueOrDefault(member, SiteLists.All));

        protected override void NoteReached(TemplateContext context, object target) => Note(context, SiteLists.All);

        private static void Note(TemplateContext context, SiteLists read)
        {
            if (context is HtmlTemplateContext html)
            {
                html.Reads.NoteLists(read);
            }
        }
    }
}
