using Scriban;
using Scriban.Parsing;
using StaticNews.Discovery;

namespace StaticNews.Rendering;

/// <summary>
/// The theme's templates parsed and analysed, the syntax errors found in them, and Scriban's builtin objects they read. All
/// this needs nothing but the template sources, so a build starts it (<see cref="StartParsing"/>) as soon as the sources are
/// read, and it runs while the model is built.
/// </summary>
internal sealed class ParsedTemplates
{
    private ParsedTemplates(IReadOnlyDictionary<string, Template> templates, IReadOnlyList<LogMessage> errors)
    {
        Templates = templates;
        Errors = errors;
        Facts = PartialAnalyzer.AnalyseAll(templates);
        Builtins.Prepare(Facts.Values);
    }

    /// <summary>The templates that parsed without error, by name.</summary>
    public IReadOnlyDictionary<string, Template> Templates { get; }

    /// <summary>The syntax errors of the other templates.</summary>
    public IReadOnlyList<LogMessage> Errors { get; }

    /// <summary>What each template reads, assigns and includes, by name.</summary>
    public IReadOnlyDictionary<string, PartialFacts> Facts { get; }

    /// <summary>Scriban's builtins for the build's template contexts, those the templates read already made.</summary>
    public ScribanBuiltins Builtins { get; } = new();

    public static ParsedTemplates Parse(IReadOnlyDictionary<string, ThemeTemplate> sources)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var errors = new List<LogMessage>();
        foreach (var (name, source) in sources)
        {
            var template = Template.Parse(source.Text, name);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Where(message => message.Type == ParserMessageType.Error));
            }
            else
            {
                templates[name] = template;
            }
        }

        return new ParsedTemplates(templates, errors);
    }

    /// <summary>Parses <paramref name="sources"/> on a pool thread.</summary>
    public static PoolWork<ParsedTemplates> StartParsing(IReadOnlyDictionary<string, ThemeTemplate> sources) => ParallelWork.Start(() => Parse(sources));
}
