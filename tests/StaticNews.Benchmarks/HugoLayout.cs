using System.Globalization;
using System.Text;

namespace StaticNews.Benchmarks;

/// <summary>
/// Writes the same corpus as a Hugo site with templates equivalent to StaticNews's default theme, less one thing: related
/// articles. Hugo's `.Related` made its 10,000-article build about three times slower here, so the twin leaves it out and
/// StaticNews is compared with the faster Hugo.
/// </summary>
internal static class HugoLayout
{
    public static void Write(Corpus corpus, string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "config.toml"), """
            baseURL = "https://bench.example/"
            title = "The Benchmark Herald"
            languageCode = "en"
            timeZone = "Asia/Karachi"
            paginate = 10
            disableKinds = []
            [taxonomies]
              tag = "tags"
              author = "authors"
            [related]
              threshold = 0
              includeNewer = true
              toLower = false
              [[related.indices]]
                name = "tags"
                weight = 2
              [[related.indices]]
                name = "categories"
                weight = 1
            """);
        foreach (var (path, text) in Templates)
        {
            var full = Path.Combine(root, "layouts", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        var content = Path.Combine(root, "content");
        foreach (var top in corpus.Categories)
        {
            Directory.CreateDirectory(Path.Combine(content, top.Slug));
            File.WriteAllText(Path.Combine(content, top.Slug, "_index.md"), $"---\ntitle: {top.Name}\ndescription: All {top.Name} stories.\n---\n");
            foreach (var (slug, name) in top.Children)
            {
                Directory.CreateDirectory(Path.Combine(content, top.Slug, slug));
                File.WriteAllText(Path.Combine(content, top.Slug, slug, "_index.md"), $"---\ntitle: {name}\n---\n");
            }
        }

        foreach (var author in corpus.Authors)
        {
            var folder = Path.Combine(content, "authors", author.Id);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "_index.md"), $"---\ntitle: {author.Name}\nrole: {author.Role}\nwebsite: https://example.com/{author.Id}\n---\n{author.Bio}\n");
        }

        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "data", "popular.yaml"), string.Concat(corpus.Popular.Select(s => $"- {s}\n")));
        var pathBySlug = corpus.Articles.ToDictionary(a => a.Slug, a => $"/{a.TopCategory}/{a.SubCategory}/{a.Slug}", StringComparer.Ordinal);
        foreach (var article in corpus.Articles)
        {
            var text = new StringBuilder()
                .Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"title: \"{article.Title}\"\n")
                .Append(CultureInfo.InvariantCulture, $"date: {article.Date:yyyy-MM-ddTHH:mm:sszzz}\n")
                .Append(CultureInfo.InvariantCulture, $"url: /{article.Slug}/\n")
                .Append(CultureInfo.InvariantCulture, $"authors: [{string.Join(", ", article.AuthorIds)}]\n")
                .Append(CultureInfo.InvariantCulture, $"categories: [{article.TopCategory}]\n")
                .Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", article.Tags)}]\n")
                .Append(CultureInfo.InvariantCulture, $"summary: \"{article.Summary}\"\n")
                .Append(CultureInfo.InvariantCulture, $"location: {article.Location}\n")
                .Append("---\n");
            for (var i = 0; i < article.BodyBlocks.Count; i++)
            {
                text.Append(article.BodyBlocks[i]).Append("\n\n");
                if (i == 1 && article.AlsoRead is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{{{{< also-read \"{pathBySlug[article.AlsoRead]}\" >}}}}\n\n");
                }
            }

            var folder = Path.Combine(content, article.TopCategory, article.SubCategory);
            File.WriteAllText(Path.Combine(folder, article.Slug + ".md"), text.ToString());
        }
    }

    private static readonly (string Path, string Text)[] Templates =
    [
        ("_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="{{ site.LanguageCode }}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
            <meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Summary | plainify | truncate 160 }}{{ end }}">
            <link rel="canonical" href="{{ .Permalink }}">
            {{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to content</a>
            <header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
            <nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><ul>{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></li>{{ end }}</ul></nav>
            </header>
            <main id="main">{{ block "main" . }}{{ end }}</main>
            <footer><p>Follow us</p><a href="/tags/">Tags</a></footer>
            </body></html>
            """),
        ("_default/single.html", """
            {{ define "main" }}
            <nav class="breadcrumb"><a href="/">Home</a>{{ range .Ancestors.Reverse }}{{ if not .IsHome }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}</nav>
            <article><h1>{{ .Title }}</h1><p class="standfirst">{{ .Params.summary }}</p>
            <p class="byline">By {{ range $i, $a := .GetTerms "authors" }}{{ if $i }}, {{ end }}<a href="{{ $a.RelPermalink }}">{{ $a.Title }}</a>{{ end }} · <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006" }}</time> · {{ .ReadingTime }} min read</p>
            <p class="dateline">{{ .Params.location }}, {{ .Date.Format "2 January 2006" }} (TBH):</p>
            {{ .Content }}
            <ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
            {{ range .GetTerms "authors" }}<aside class="author-box"><h2>{{ .Title }}</h2><p>{{ .Params.role }}</p>{{ .Content }}<a href="{{ .Params.website }}">Website</a></aside>{{ end }}
            </article>
            <aside><h2>Most Popular</h2><ol>{{ range site.Data.popular }}{{ with site.GetPage (printf "/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol></aside>
            <nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
            {{ end }}
            """),
        ("_default/list.html", """
            {{ define "main" }}
            <h1>{{ .Title }}</h1>{{ with .Params.description }}<p>{{ . }}</p>{{ end }}
            {{ $pages := .RegularPagesRecursive }}{{ if .Data.Terms }}{{ $pages = .Pages }}{{ end }}{{ if eq .Kind "term" }}{{ $pages = .Pages }}{{ end }}
            {{ $pager := .Paginate $pages }}
            {{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
            {{ partial "pager.html" $pager }}
            {{ end }}
            """),
        ("_default/terms.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
            """),
        ("index.html", """
            {{ define "main" }}
            <h1>{{ site.Title }}</h1>
            {{ $pager := .Paginate site.RegularPages }}
            {{ range $pager.Pages }}{{ partial "card.html" . }}{{ end }}
            {{ partial "pager.html" $pager }}
            {{ end }}
            """),
        ("partials/card.html", """
            <article class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p><p>{{ .Params.summary }}</p></article>
            """),
        ("partials/pager.html", """
            {{ if gt .TotalPages 1 }}<nav class="pager">{{ if .HasPrev }}<a rel="prev" href="{{ .Prev.URL }}">Newer</a>{{ end }}<span>Page {{ .PageNumber }} of {{ .TotalPages }}</span>{{ if .HasNext }}<a rel="next" href="{{ .Next.URL }}">Older</a>{{ end }}</nav>{{ end }}
            """),
        ("shortcodes/also-read.html", """
            {{ with site.GetPage (.Get 0) }}<p class="also-read"><strong>Also Read:</strong> <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}
            """),
        ("404.html", """
            {{ define "main" }}<h1>Page not found</h1>{{ end }}
            """),
    ];
}
