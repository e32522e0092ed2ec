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
    private ParsedTemplates(IReadOnlyDictionary<string, Template> templates, IReadOnlyList<LogMessage> errors, IReadOnlyCollection<string> builtinNames)
    {
        Templates = templates;
        Errors = errors;
        BuiltinNames = builtinNames;
    }

    /// <summary>The templates that parsed without error, by name.</summary>
    public IReadOnlyDictionary<string, Template> Templates { get; }

    /// <summary>The syntax errors of the other templates.</summary>
    public IReadOnlyList<LogMessage> Errors { get; }

    /// <summary>
    /// The names of Scriban's builtin functions and objects. Found here because the first template context sets Scriban's
    /// builtins up (20 ms), which is better done beside the model than on the way to rendering.
    /// </summary>
    public IReadOnlyCollection<string> BuiltinNames { get; }

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

        return new ParsedTemplates(templates, errors, [.. new TemplateContext().BuiltinObject.Keys]);
    }

    /// <summary>Parses <paramref name="sources"/> on a pool thread.</summary>
    public static Task<ParsedTemplates> StartParsing(IReadOnlyDictionary<string, ThemeTemplate> sources) => Task.Run(() => Parse(sources));
}
