using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticNews.Discovery;

namespace StaticNews.Rendering;

/// <summary>Serves partials to <c>include</c> from the theme in memory: rendering never reads the disk.</summary>
internal sealed class ThemeTemplateLoader(IReadOnlyDictionary<string, ThemeTemplate> templates) : ITemplateLoader
{
    /// <summary>
    /// The template an include of <paramref name="templateName"/> loads: the name with forward slashes and no leading one
    /// (<see cref="Normalize"/>), as it is or with ".html" added, whichever the theme has first; the first when it has neither.
    /// </summary>
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = Normalize(templateName);
        return templates.ContainsKey(name) ? name : templates.ContainsKey(name + ".html") ? name + ".html" : name;
    }

    /// <summary>An include's name as the theme's templates are named: forward slashes, no leading one.</summary>
    public static string Normalize(string templateName) => templateName.Replace('\\', '/').TrimStart('/');

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        templates.TryGetValue(templatePath, out var template)
            ? template.Text
            : throw new ScriptRuntimeException(callerSpan, $"The theme has no partial '{templatePath}'.");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
