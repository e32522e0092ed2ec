using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Rendering;

namespace StaticNews.Incremental;

/// <summary>
/// The templates each kind of page renders with, as one hash per kind: the layout and the kind's own template, and the
/// partials they include, followed through the partials' own includes, each by name with its text, or with its absence
/// for a name an include looks up that the theme lacks (adding it changes what the include loads). So a new tag page
/// template renders the tag pages again and no other, and a new layout every page.
/// </summary>
/// <remarks>
/// A template that may load a partial whose name is not written in it (a computed name, <c>include_join</c>, the include
/// function used other than by calling it) may load any template: pages of its kind depend on all of them. So does a
/// template that did not parse: the build reports it and writes nothing, and its includes are unknown.
/// A kind whose templates may read the time of the build (<see cref="PartialFacts.ReadsClock"/>) depends on that time too:
/// its pages are rendered again at every build made at another moment.
/// </remarks>
internal sealed class PageTemplateInputs
{
    private static readonly string[] IncludeFunctions = ["include", "include_join"];

    private readonly Dictionary<PageKind, ContentHash> _byKind = [];

    /// <param name="templates">The theme's templates by name, with their text.</param>
    /// <param name="facts">What each template that parsed reads and includes.</param>
    /// <param name="builtAt">The time of the build: an input of the kinds whose templates read it.</param>
    public PageTemplateInputs(IReadOnlyDictionary<string, ThemeTemplate> templates, IReadOnlyDictionary<string, PartialFacts> facts, DateTimeOffset builtAt)
    {
        var hashes = new Dictionary<string, ContentHash>(templates.Count, StringComparer.Ordinal);
        var all = new Fingerprint().Add(templates.Count);
        foreach (var (name, template) in templates)
        {
            var hash = new Fingerprint().Add(template.Text).FinishHash();
            hashes.Add(name, hash);
            all.Add(name).AddHash(hash);
        }

        ReadClock = facts.Values.Any(template => template.ReadsClock);
        All = ReadClock ? all.Add(builtAt.UtcTicks).FinishHash() : all.FinishHash();
        foreach (var kind in Enum.GetValues<PageKind>())
        {
            var reached = ReachedBy([PageTemplates.Layout, PageTemplates.For(kind)], hashes, facts);
            _byKind[kind] = reached is null ? All
                : reached.Any(name => facts.TryGetValue(name, out var template) && template.ReadsClock) ? new Fingerprint().AddHash(HashOf(reached, hashes)).Add(builtAt.UtcTicks).FinishHash()
                : HashOf(reached, hashes);
        }
    }

    /// <summary>The hash of every template by name, and the time of the build when a template may read it.</summary>
    public ContentHash All { get; }

    /// <summary>Whether some template may read the time of the build, so that a build made later may give other pages from the same inputs.</summary>
    public bool ReadClock { get; }

    /// <summary>The hash of the templates a page of <paramref name="kind"/> may render with.</summary>
    public ContentHash For(PageKind kind) => _byKind[kind];

    /// <summary>
    /// The names of the templates <paramref name="roots"/> may load, themselves and those looked up for their includes, in
    /// ordinal order; null when one of them may load a template not named in it.
    /// </summary>
    private static SortedSet<string>? ReachedBy(IEnumerable<string> roots, Dictionary<string, ContentHash> templates, IReadOnlyDictionary<string, PartialFacts> facts)
    {
        var reached = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name) || !templates.ContainsKey(name))
            {
                continue;
            }

            if (!facts.TryGetValue(name, out var template) || !template.AllIncludesLiteral || template.Reads.Overlaps(IncludeFunctions))
            {
                return null;
            }

            foreach (var include in template.Includes)
            {
                // What ThemeTemplateLoader.GetPath loads: the name as written, else with ".html" added.
                var normalized = ThemeTemplateLoader.Normalize(include);
                pending.Push(normalized);
                if (!templates.ContainsKey(normalized))
                {
                    pending.Push(normalized + ".html");
                }
            }
        }

        return reached;
    }

    private static ContentHash HashOf(SortedSet<string> names, Dictionary<string, ContentHash> hashes)
    {
        var fingerprint = new Fingerprint().Add(names.Count);
        foreach (var name in names)
        {
            fingerprint.Add(name);
            if (hashes.TryGetValue(name, out var hash))
            {
                fingerprint.Add(1).AddHash(hash);
            }
            else
            {
                fingerprint.Add(0);
            }
        }

        return fingerprint.FinishHash();
    }
}
