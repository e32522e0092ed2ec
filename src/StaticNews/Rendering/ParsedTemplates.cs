using Scriban;
using Scriban.Parsing;
using StaticNews.Discovery;

namespace StaticNews.Rendering;

/// <summary>
/// The theme's templates parsed, and the syntax errors found in them. Parsing needs nothing but the template sources, so a
/// build starts it (<see cref="StartParsing"/>) as soon as the sources are read, and it runs while the model is built.
/// </summary>
internal sealed class ParsedTemplates
{
    private ParsedTemplates(IReadOnlyDictionary<string, Template> templates, IReadOnlyList<LogMessage> errors)
    {
        Templates = templates;
        Errors = errors;
    }

    /// <summary>The templates that parsed without error, by name.</summary>
    public IReadOnlyDictionary<string, Template> Templates { get; }

    /// <summary>The syntax errors of the other templates.</summary>
    public IReadOnlyList<LogMessage> Errors { get; }

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
    public static Task<ParsedTemplates> StartParsing(IReadOnlyDictionary<string, ThemeTemplate> sources) => Task.Run(() => Parse(sources));
}
