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
/// Member access for the model's .NET objects through typed delegates (<see cref="ModelGetters"/>) instead of reflection.
/// Scriban reads a property with <see cref="PropertyInfo.GetValue(object)"/> on every access; a page reads hundreds. Members
/// are found and named exactly as Scriban's own accessor does (public instance fields, then properties, declared type first,
/// renamed, the first of a name kept), and anything else an accessor does is left to Scriban's. One instance serves every
/// context of a build. Every use of an article (its members read, listed or counted) is noted in the page's
/// <see cref="HtmlTemplateContext.Reads"/>, its body-derived members apart, and so is every list of the site read.
/// </summary>
internal sealed class ModelAccessors(bool typedDelegates)
{
    private static readonly string[] BodyDerivedMembers = [nameof(Article.Body), nameof(Article.WordCount), nameof(Article.ReadingMinutes)];

    private readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, ModelMemberReader>> _getters = new();
    private IReadOnlySet<string>? _bodyMembers;
    private IReadOnlyDictionary<string, SiteLists>? _siteLists;

    /// <summary>Accessors reading through typed delegates wherever the model has them (<see cref="ModelGetters"/>).</summary>
    public ModelAccessors()
        : this(typedDelegates: true)
    {
    }

    /// <summary>The accessor for objects of <paramref name="type"/>: <paramref name="scriban"/>'s, reading members through delegates.</summary>
    public IObjectAccessor For(Type type, IObjectAccessor scriban, MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        var getters = _getters.GetOrAdd(type, t => GettersOf(t, renamer, filter));
        if (type == typeof(Site))
        {
            _siteLists ??= typeof(Site).GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .ToDictionary(property => NameOf(property, renamer), property => SiteListNames.Of(property.Name), StringComparer.Ordinal);
            return new SiteAccessor(new Accessor(scriban, getters), _siteLists);
        }

        if (type != typeof(Article))
        {
            return new Accessor(scriban, getters);
        }

        _bodyMembers ??= BodyDerivedMembers.Select(name => NameOf(typeof(Article).GetProperty(name)!, renamer)).ToHashSet(StringComparer.Ordinal);
        return new ArticleAccessor(new Accessor(scriban, getters), _bodyMembers);
    }

    // The types templates reach are kept whole by the native build: the model's assembly is a trimmer root, and the .NET
    // types it exposes (dates, times, the site's culture and time zone) are listed in the CLI's TrimmerRoots.xml, which a
    // test checks against the model.
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The model's types and the .NET types they expose are trimmer roots.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The model's types and the .NET types they expose are trimmer roots.")]
    private Dictionary<string, ModelMemberReader> GettersOf(Type type, MemberRenamerDelegate renamer, MemberFilterDelegate? filter)
    {
        var getters = new Dictionary<string, ModelMemberReader>(StringComparer.Ordinal);
        for (var level = type; level is not null && level != typeof(object); level = level.BaseType)
        {
            foreach (var field in level.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && field.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && (filter is null || filter(field)))
                {
                    getters.TryAdd(NameOf(field, renamer), new ModelMemberReader(field.GetValue));
                }
            }

            foreach (var property in level.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (property.GetMethod is { IsPublic: true, IsStatic: false } getter && property.GetIndexParameters().Length == 0
                    && property.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && (filter is null || filter(property)))
                {
                    getters.TryAdd(NameOf(property, renamer), typedDelegates ? new ModelMemberReader(level, property, getter) : new ModelMemberReader(property.GetValue));
                }
            }
        }

        return getters;
    }

    private static string NameOf(MemberInfo member, MemberRenamerDelegate renamer) =>
        renamer(member) is { Length: > 0 } name ? name : member.Name;

    private sealed class Accessor(IObjectAccessor scriban, IReadOnlyDictionary<string, ModelMemberReader> getters) : IObjectAccessor
    {
        public Type? IndexType => scriban.IndexType;

        public bool HasIndexer => scriban.HasIndexer;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => scriban.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target) => scriban.GetMembers(context, span, target);

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => scriban.HasMember(context, span, target, member);

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            if (getters.TryGetValue(member, out var reader))
            {
                value = reader.Read(target);
                return true;
            }

            return scriban.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value) => scriban.TrySetValue(context, span, target, member, value);

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value) => scriban.TryGetItem(context, span, target, index, out value);

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value) => scriban.TrySetItem(context, span, target, index, value);
    }

    /// <summary>An article's accessor: whatever a template asks of an article is noted as a read of it, and of its body for <paramref name="bodyMembers"/>.</summary>
    private sealed class ArticleAccessor(Accessor accessor, IReadOnlySet<string> bodyMembers) : IObjectAccessor
    {
        public Type? IndexType => accessor.IndexType;

        public bool HasIndexer => accessor.HasIndexer;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target)
        {
            Note(context, target);
            return accessor.GetMemberCount(context, span, target);
        }

        // Members listed are members read (object.values, object.to_json): the body among them.
        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
        {
            Note(context, target, body: true);
            return accessor.GetMembers(context, span, target);
        }

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member)
        {
            Note(context, target);
            return accessor.HasMember(context, span, target, member);
        }

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            Note(context, target, body: bodyMembers.Contains(member));
            return accessor.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value)
        {
            Note(context, target);
            return accessor.TrySetValue(context, span, target, member, value);
        }

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
        {
            Note(context, target);
            return accessor.TryGetItem(context, span, target, index, out value);
        }

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value)
        {
            Note(context, target);
            return accessor.TrySetItem(context, span, target, index, value);
        }

        private static void Note(TemplateContext context, object target, bool body = false)
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

    /// <summary>
    /// The site's accessor: a member read is noted as a read of the list it is (<paramref name="lists"/>, by template name; a
    /// name not there as every list), and members listed as reads of every list.
    /// </summary>
    private sealed class SiteAccessor(Accessor accessor, IReadOnlyDictionary<string, SiteLists> lists) : IObjectAccessor
    {
        public Type? IndexType => accessor.IndexType;

        public bool HasIndexer => accessor.HasIndexer;

        public int GetMemberCount(TemplateContext context, SourceSpan span, object target) => accessor.GetMemberCount(context, span, target);

        public IEnumerable<string> GetMembers(TemplateContext context, SourceSpan span, object target)
        {
            Note(context, SiteLists.All);
            return accessor.GetMembers(context, span, target);
        }

        public bool HasMember(TemplateContext context, SourceSpan span, object target, string member) => accessor.HasMember(context, span, target, member);

        public bool TryGetValue(TemplateContext context, SourceSpan span, object target, string member, out object? value)
        {
            Note(context, lists.GetValueOrDefault(member, SiteLists.All));
            return accessor.TryGetValue(context, span, target, member, out value);
        }

        public bool TrySetValue(TemplateContext context, SourceSpan span, object target, string member, object? value)
        {
            Note(context, SiteLists.All);
            return accessor.TrySetValue(context, span, target, member, value);
        }

        public bool TryGetItem(TemplateContext context, SourceSpan span, object target, object index, out object? value)
        {
            Note(context, SiteLists.All);
            return accessor.TryGetItem(context, span, target, index, out value);
        }

        public bool TrySetItem(TemplateContext context, SourceSpan span, object target, object index, object? value)
        {
            Note(context, SiteLists.All);
            return accessor.TrySetItem(context, span, target, index, value);
        }

        private static void Note(TemplateContext context, SiteLists read)
        {
            if (context is HtmlTemplateContext html)
            {
                html.Reads.NoteLists(read);
            }
        }
    }
}
