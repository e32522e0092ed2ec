using System.Globalization;
using StaticNews.Discovery;
using StaticNews.Text;

namespace StaticNews.Scaffolding;

/// <summary>Creates authors/ID.md: the name (from the id unless given) and commented optional fields.</summary>
public static class AuthorScaffolder
{
    public static ScaffoldResult Create(string siteRoot, string id, string? name)
    {
        if (!File.Exists(Path.Combine(siteRoot, SiteLayout.SiteConfigFile)))
        {
            return ScaffoldResult.Refused($"No {SiteLayout.SiteConfigFile} in '{Path.GetFullPath(siteRoot)}'; pass --source SITE, or create a site with 'staticnews init DIR'.");
        }

        if (!Slug.IsValid(id))
        {
            return ScaffoldResult.Refused($"The author id '{id}' is not usable; use lowercase letters, digits and hyphens, e.g. '{Suggestion(id)}'.");
        }

        var displayName = string.IsNullOrWhiteSpace(name)
            ? string.Join(' ', id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]))
            : name.Trim();
        var text = $"""
            ---
            name: {YamlText.Quoted(displayName)}
            # role: Correspondent
            # website: https://example.com/
            # avatar: /images/authors/{id}.jpg   # a file under static/
            # social:
            #   - name: X
            #     url: https://x.com/{id}
            ---
            A short biography, in Markdown.

            """;
        return ScaffoldFiles.WriteNew(siteRoot, $"{SiteLayout.AuthorsFolder}/{id}.md", text);
    }

    private static string Suggestion(string id) => Slug.From(id) is { Length: > 0 } slug ? slug : "jane-doe";
}
