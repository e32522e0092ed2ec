using System.Globalization;
using System.Reflection;
using StaticNews.Rendering;

namespace StaticNews.Scaffolding;

/// <summary>Creates a new, working site in an empty folder: settings, categories, an author, an article, documented template and static folders, and a GitHub Pages workflow.</summary>
public static class SiteInitializer
{
    public const string WorkflowPath = ".github/workflows/site.yml";

    public static ScaffoldResult Initialize(string directory, TimeProvider clock)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(root))
        {
            return ScaffoldResult.Refused($"'{root}' is a file; name a new or empty folder.");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            return ScaffoldResult.Refused($"'{root}' is not empty; 'init' only creates a site in a new or empty folder, so nothing there is overwritten.");
        }

        var today = clock.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["site.yml"] = """
                title: My News Site
                description: Independent local reporting.
                base_url: https://example.org/      # where the site is published; the CI workflow passes the GitHub Pages URL
                language: en
                time_zone: UTC                      # IANA name, e.g. Europe/London: dates without an offset are in this zone
                short_name: MNS                     # used in datelines: "City, 1 January 2027 (MNS):"
                page_size: 10
                permalink: /:slug/

                """,
            ["categories.yml"] = """
                - name: News
                  slug: news
                  description: What happened today.
                  children:
                    - name: Local
                      slug: local
                - name: Opinion
                  slug: opinion

                """,
            ["authors/editor.md"] = """
                ---
                name: The Editor
                role: Editor
                ---
                Edits this site. Replace this file with your own biography, or add authors with 'staticnews new author ID'.

                """,
            ["articles/news/welcome.md"] = $"""
                ---
                title: "Welcome to your news site"
                date: {today}
                authors: [editor]
                category: news
                tags: [Announcements]
                summary: "The first article of a site made with StaticNews."
                location: Here
                ---
                This is the first article. Write articles in Markdown under `articles/`, one file each;
                'staticnews new article "Title" --category news --author editor' starts one for you.

                ## Preview while you write

                Run `staticnews serve` and open the address it prints: the page reloads whenever you save.

                """,
            ["data/popular.yml"] = """
                # Slugs of the articles in the "Most Popular" list, most read first.
                - welcome

                """,
            ["static/.gitkeep"] = string.Empty,
            ["templates/README.txt"] = TemplatesReadme(),
            [".gitignore"] = """
                # StaticNews output and its staging folders
                public/
                .public.*

                """,
            [WorkflowPath] = Workflow(ToolVersion()),
        };

        var created = new List<string>(files.Count);
        foreach (var (relative, text) in files)
        {
            var result = ScaffoldFiles.WriteNew(root, relative, text);
            if (!result.Succeeded)
            {
                return result;
            }

            created.AddRange(result.Created);
        }

        return new ScaffoldResult { Created = created };
    }

    private static string TemplatesReadme() => $$$"""
        This folder overrides the default theme, which is built into StaticNews.

        It is empty on purpose: the site uses the default theme as it is. To change a page, copy the
        file of the same name from the default theme (the 'templates/' folder of the StaticNews
        repository) into this folder and edit it; StaticNews uses your file instead of its own.

        Page templates: {{{string.Join(", ", PageTemplates.Required)}}}
        Partials:       partials/NAME.html, included with {{ include 'partials/NAME.html' }}
        Assets:         assets/** (copied to the output, e.g. assets/css/site.css)

        Templates are Scriban (https://github.com/scriban/scriban). Every value a template prints is
        HTML-escaped unless StaticNews made it (article bodies, author bios, included partials).
        The variables each template receives are listed in the StaticNews README, under "Templates".

        """;

    private static string Workflow(string version) => $$$"""
        # Builds the site on every push to main (and every 30 minutes, so articles dated in the future
        # appear on time) and publishes it to GitHub Pages. Pull requests are checked, with errors shown
        # on the changed lines. Enable Pages with "Source: GitHub Actions" in the repository's settings.
        name: Site

        on:
          push:
            branches: [main]
          pull_request:
          schedule:
            - cron: "*/30 * * * *"
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages-${{ github.ref }}
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - uses: actions/setup-dotnet@v4
                with:
                  dotnet-version: "10.0.x"
              - name: Install StaticNews
                run: dotnet tool install --global StaticNews.Tool --version {{{version}}}
              - name: Check
                run: staticnews check . --format github
              - name: Configure Pages
                id: pages
                if: github.event_name != 'pull_request'
                uses: actions/configure-pages@v5
              - name: Build
                if: github.event_name != 'pull_request'
                run: staticnews build . --output public --base-url "${{ steps.pages.outputs.base_url }}/"
              - name: Upload
                if: github.event_name != 'pull_request'
                uses: actions/upload-pages-artifact@v3
                with:
                  path: public

          deploy:
            if: github.event_name != 'pull_request'
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Deploy to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v4

        """;

    /// <summary>The version of this StaticNews, so the workflow installs the tool the site was made with.</summary>
    private static string ToolVersion()
    {
        var informational = typeof(SiteInitializer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
