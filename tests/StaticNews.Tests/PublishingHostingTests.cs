using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StaticNews.Model;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The output folder works wherever it is hosted: under a sub-path, with relative links, and identically on every build.</summary>
public sealed partial class PublishingHostingTests
{
    private const string BaseUrl = "https://example.org/news/";

    [Fact]
    public async Task Every_url_in_every_sitemap_feed_and_robots_txt_maps_to_a_file_in_the_output()
    {
        using var output = new TempFolder();

        var result = await SiteGenerator.BuildAsync(GoldenOptions(output.Path));

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var urls = new List<(string File, string Url)>();
        foreach (var file in Directory.EnumerateFiles(output.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(output.Path, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            IEnumerable<string> found = Path.GetFileName(file) switch
            {
                "sitemap.xml" or "news-sitemap.xml" => XDocument.Parse(text).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value),
                "rss.xml" or "atom.xml" => XmlUrls(text),
                "feed.json" => JsonUrls(JsonDocument.Parse(text).RootElement),
                "robots.txt" => text.Split('\n').Where(l => l.StartsWith("Sitemap: ", StringComparison.Ordinal)).Select(l => l["Sitemap: ".Length..]),
                _ => [],
            };
            urls.AddRange(found.Select(u => (relative, u)));
        }

        Assert.True(urls.Count > 100, $"Only {urls.Count} URLs were found in sitemaps and feeds.");
        Assert.Contains(urls, u => u.File == "news-sitemap.xml" || u.File == "sitemap.xml");
        var missing = urls.Where(u => !u.Url.StartsWith(BaseUrl, StringComparison.Ordinal) || !File.Exists(FileFor(output.Path, u.Url[BaseUrl.Length..]))).ToList();
        Assert.True(missing.Count == 0, "URLs without a file:\n" + string.Join('\n', missing.Select(m => $"{m.File}: {m.Url}")));
    }

    [Fact]
    public async Task Two_builds_of_the_same_input_are_byte_identical()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        var a = await SiteGenerator.BuildAsync(GoldenOptions(first.Path));
        var b = await SiteGenerator.BuildAsync(GoldenOptions(second.Path));

        DiagnosticAssert.NoErrors(a.Diagnostics);
        DiagnosticAssert.NoErrors(b.Diagnostics);
        var snapshot = Snapshotting.Folder(first.Path);
        Assert.Contains(snapshot, line => line.StartsWith("rss.xml ", StringComparison.Ordinal));
        Assert.Contains(snapshot, line => line.StartsWith("sitemap.xml ", StringComparison.Ordinal));
        Assert.Equal(snapshot, Snapshotting.Folder(second.Path));
    }

    [Fact]
    public async Task Site_rooted_links_under_a_sub_path_all_reach_a_file()
    {
        using var site = TempSite.Create(Articles + "\n-- static/images/talks.png --\npng\n");

        var result = await site.BuildAsync(o => o with { BaseUrl = BaseUrl });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        foreach (var page in result.Model!.Pages)
        {
            foreach (var link in Links(site.ReadOutput(page.OutputPath)).Where(l => l.StartsWith('/')))
            {
                Assert.StartsWith("/news/", link, StringComparison.Ordinal);
                Assert.True(File.Exists(FileFor(site.DefaultOutput, link["/news/".Length..])), $"{page.OutputPath}: {link} has no file.");
            }
        }
    }

    [Fact]
    public async Task With_relative_urls_internal_links_are_relative_to_the_page_and_all_reach_a_file()
    {
        using var site = TempSite.Create(Articles + "\n-- static/images/talks.png --\npng\n");
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "relative_urls: true\n");

        var result = await site.BuildAsync(o => o with { BaseUrl = BaseUrl });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var checkedLinks = 0;
        foreach (var page in result.Model!.Pages.Where(p => p.Kind != PageKind.NotFound))
        {
            var html = site.ReadOutput(page.OutputPath);
            foreach (var link in Links(html).Where(l => !l.StartsWith('#') && !l.StartsWith("https://", StringComparison.Ordinal)))
            {
                Assert.False(link.StartsWith('/'), $"{page.OutputPath}: {link} is not relative.");
                var resolved = new Uri(new Uri(BaseUrl + page.OutputPath), link).AbsolutePath;
                Assert.StartsWith("/news/", resolved, StringComparison.Ordinal);
                Assert.True(File.Exists(FileFor(site.DefaultOutput, Uri.UnescapeDataString(resolved["/news/".Length..]))), $"{page.OutputPath}: {link} has no file.");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 50, $"Only {checkedLinks} links were checked.");
        var article = site.ReadOutput("talks/index.html");
        Assert.Contains("href=\"../trade-deal/\"", article, StringComparison.Ordinal);
        Assert.Contains("href=\"../assets/css/site.css\"", article, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"https://example.org/news/talks/\">", article, StringComparison.Ordinal);
        Assert.Contains("href=\"../../../\"", site.ReadOutput("category/world/diplomacy/index.html"), StringComparison.Ordinal);
        Assert.Contains("href=\"./\"", site.ReadOutput("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_relative_urls_feeds_sitemaps_and_the_404_page_keep_their_full_urls()
    {
        using var site = TempSite.Create(Articles);
        site.Write("site.yml", File.ReadAllText(Path.Combine(site.Root, "site.yml")) + "relative_urls: true\n");

        var result = await site.BuildAsync(o => o with { BaseUrl = BaseUrl });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        Assert.Contains("href=\"/news/assets/css/site.css\"", site.ReadOutput("404.html"), StringComparison.Ordinal);
        Assert.Contains("<loc>https://example.org/news/talks/</loc>", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/news/trade-deal/\"", PublishedFeeds.Load(result, "atom.xml").Items.Select(i => ((System.ServiceModel.Syndication.TextSyndicationContent)i.Content).Text).First(), StringComparison.Ordinal);
    }

    private const string Articles = """
        -- articles/talks.md --
        ---
        title: Talks resume
        date: 2026-03-19 10:00
        authors: [jane-doe]
        category: world/diplomacy
        tags: [Talks, Geneva]
        image: /images/talks.png
        image_alt: Delegates
        ---
        Delegations met again. See [the deal](ref:trade-deal).

        {{< also-read trade-deal >}}
        -- articles/trade-deal.md --
        ---
        title: Trade deal signed
        date: 2026-03-18
        author: jane-doe
        category: world/trade
        tags: [Talks]
        ---
        The deal was signed.
        -- articles/festival.md --
        ---
        title: Festival opens
        date: 2026-02-17
        author: jane-doe
        category: culture
        ---
        The festival opened.
        """;

    private static BuildOptions GoldenOptions(string output) => new()
    {
        SourcePath = TestSites.Golden,
        OutputPath = output,
        BaseUrl = BaseUrl,
        Clock = new FixedClock(FixedClock.DefaultNow),
    };

    private static string FileFor(string root, string relativeUrl)
    {
        var path = relativeUrl.Split('?', '#')[0];
        return Path.Combine(root, path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path);
    }

    private static IEnumerable<string> Links(string html) =>
        LinkAttribute().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    private static IEnumerable<string> XmlUrls(string xml)
    {
        foreach (var element in XDocument.Parse(xml).Descendants())
        {
            if (element.Name.LocalName is "link" or "guid" or "id" or "uri" && !element.HasElements && element.Value.Length > 0)
            {
                yield return element.Value;
            }

            if (element.Attribute("href") is { } href)
            {
                yield return href.Value;
            }

            if (element.Name.LocalName is "encoded" or "content")
            {
                foreach (var link in Links(element.Value).Where(l => l.StartsWith("http", StringComparison.Ordinal)))
                {
                    yield return link;
                }
            }
        }
    }

    private static IEnumerable<string> JsonUrls(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && property.Name is "home_page_url" or "feed_url" or "url" or "id" or "image" or "icon")
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name == "content_html")
                    {
                        foreach (var link in Links(property.Value.GetString()!).Where(l => l.StartsWith("http", StringComparison.Ordinal)))
                        {
                            yield return link;
                        }
                    }
                    else
                    {
                        foreach (var url in JsonUrls(property.Value))
                        {
                            yield return url;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var url in JsonUrls(item))
                    {
                        yield return url;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\s(?:href|src)=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkAttribute();
}
