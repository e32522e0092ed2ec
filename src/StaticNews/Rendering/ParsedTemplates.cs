using Scriban;
using Scriban.Parsing;
using StaticNews.Discovery;

namespace StaticNews.Rendering;

/// <summary>
/// The theme's templates parsed and analysed, the syntax errors found in them, and Scriban's builtin objects they read. All
/// this needs nothing but the template sources, so a build starts it (<see cref="StartParsing"/>) as soon as the sources are
/// read, and it runs while the model is built.
/// </summary>
/// <remarks>
/// A template whose facts the last build found in the same text (<see cref="AnalysedTemplate"/>, from the build cache) is
/// taken as that build found it: it parsed then, so it parses now, and it is parsed only when a page first renders with it.
/// A one-article edit renders the article pages' templates and no other.
/// </remarks>
internal sealed class ParsedTemplates
{
    private readonly Dictionary<string, AnalysedTemplate> _analysed;
    private readonly LazyTemplates _templates;

    private ParsedTemplates(LazyTemplates templates, Dictionary<string, AnalysedTemplate> analysed, IReadOnlyList<LogMessage> errors, int reused)
    {
        _templates = templates;
        _analysed = analysed;
        Errors = errors;
        Reused = reused;
        var facts = new Dictionary<string, PartialFacts>(analysed.Count, StringComparer.Ordinal);
        foreach (var (name, template) in analysed)
        {
            facts[name] = template.Facts;
        }

        Facts = facts;
        Builtins.Prepare(Facts.Values);
    }

    /// <summary>The templates that parsed without error, by name; those taken from the last build's facts are parsed when first looked up.</summary>
    public IReadOnlyDictionary<string, Template> Templates => _templates;

    /// <summary>The syntax errors of the other templates.</summary>
    public IReadOnlyList<LogMessage> Errors { get; }

    /// <summary>What each template reads, assigns and includes, by name.</summary>
    public IReadOnlyDictionary<string, PartialFacts> Facts { get; }

    /// <summary>The facts of <see cref="Facts"/> with the hashes of the texts they were found in, for the build cache.</summary>
    public IReadOnlyDictionary<string, AnalysedTemplate> Analysed => _analysed;

    /// <summary>Scriban's builtins for the build's template contexts, those the templates read already made.</summary>
    public ScribanBuiltins Builtins { get; } = new();

    /// <summary>How many templates' facts were taken from the last build's.</summary>
    public int Reused { get; }

    /// <summary>How many templates have been parsed so far.</summary>
    public int ParsedCount => _templates.ParsedCount;

    /// <summary>Parses and analyses every template of <paramref name="sources"/>.</summary>
    public static ParsedTemplates Parse(IReadOnlyDictionary<string, ThemeTemplate> sources) => Parse(sources, known: null);

    /// <summary>
    /// Parses and analyses the templates of <paramref name="sources"/>, except those whose text <paramref name="known"/>
    /// (the last build's facts, by name) has the hash of: their facts are taken, and they are parsed when first looked up.
    /// </summary>
    public static ParsedTemplates Parse(IReadOnlyDictionary<string, ThemeTemplate> sources, IReadOnlyDictionary<string, AnalysedTemplate>? known)
    {
        var templates = new LazyTemplates(sources.Count);
        var analysed = new Dictionary<string, AnalysedTemplate>(sources.Count, StringComparer.Ordinal);
        var errors = new List<LogMessage>();
        var reused = 0;
        foreach (var (name, source) in sources)
        {
            var hash = AnalysedTemplate.HashOf(source.Text);
            if (known is not null && known.TryGetValue(name, out var found) && found.TextHash == hash)
            {
                analysed[name] = found;
                templates.AddUnparsed(name, source.Text);
                reused++;
                continue;
            }

            var template = Template.Parse(source.Text, name);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Where(message => message.Type == ParserMessageType.Error));
            }
            else
            {
                if (template.Page is { } page)
                {
                    analysed[name] = new AnalysedTemplate(hash, PartialAnalyzer.Analyse(page));
                }

                templates.AddParsed(name, template);
            }
        }

        return new ParsedTemplates(templates, analysed, errors, reused);
    }

    /// <summary>Parses <paramref name="sources"/> on a pool thread, taking the facts of <paramref name="known"/> as <see cref="Parse(IReadOnlyDictionary{string, ThemeTemplate}, IReadOnlyDictionary{string, AnalysedTemplate}?)"/> does.</summary>
    public static PoolWork<ParsedTemplates> StartParsing(IReadOnlyDictionary<string, ThemeTemplate> sources, IReadOnlyDictionary<string, AnalysedTemplate>? known = null) =>
        ParallelWork.Start(() => Parse(sources, known));
}
