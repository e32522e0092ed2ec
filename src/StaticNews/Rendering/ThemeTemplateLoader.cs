using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticNews.Discovery;

namespace StaticNews.Rendering;

/// <summary>Serves partials to <c>include</c> from the theme in memory: rendering never reads the disk.</summary>
internal sealed class ThemeTemplateLoader(IReadOnlyDictionary<string, ThemeTemplate> templates) : ITemplateLoader
{
    public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
    {
        var name = templateName.Replace('\\', '/').TrimStart('/');
        return templates.ContainsKey(name) ? name : templates.ContainsKey(name + ".html") ? name + ".html" : name;
    }

    public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        templates.TryGetValue(templatePath, out var template)
            ? template.Text
            : throw new ScriptRuntimeException(callerSpan, $"The theme has no partial '{templatePath}'.");

    public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(Load(context, callerSpan, templatePath));
}
