using System.Text.Json;
using StaticNews.Search;
using StaticNews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StaticNews.Tests;

/// <summary>The search index as the build writes it: small files a browser fetches per query, and its size against the site's HTML.</summary>
public sealed class SearchIndexFileTests(SampleSiteBuild sample, ITestOutputHelper output) : IClassFixture<SampleSiteBuild>
{
    /// <summary>The bound: the index is at most 15 % of the HTML it searches.</summary>
    private const double MaxIndexToHtml = 0.15;

    [Fact]
    public void The_sample_site_index_lists_its_shards_and_documents_and_each_shard_holds_only_its_prefix()
    {
        var meta = Json(Path.Combine(sample.Output, "search", "meta.json"));
        Assert.Equal(SearchIndexWriter.Version, meta.GetProperty("version").GetInt32());
        Assert.Equal("/", meta.GetProperty("base").GetString());
        Assert.Equal(sample.Result.Model!.Site.Articles.Count, meta.GetProperty("documents").GetInt32());

        var shards = meta.GetProperty("shards").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(shards.Order(StringComparer.Ordinal), shards);
        foreach (var shard in shards)
        {
            var tokens = Json(Path.Combine(sample.Output, "search", "index", shard + ".json")).EnumerateObject().Select(p => p.Name).ToList();
            Assert.NotEmpty(tokens);
            Assert.All(tokens, t => Assert.Equal(shard, SearchIndexWriter.ShardKey(t)));
        }

        Assert.Equal(shards.Count, Directory.GetFiles(Path.Combine(sample.Output, "search", "index")).Length);
        var first = Json(Path.Combine(sample.Output, "search", "docs", "0.json"))[0];
        var newest = sample.Result.Model.Site.Articles[0];
        Assert.Equal(newest.Url, first[0].GetString());
        Assert.Equal(newest.Title, first[1].GetString());
    }

    [Fact]
    public void A_token_posting_names_the_document_the_fields_and_the_body_positions()
    {
        var articles = sample.Result.Model!.Site.Articles;
        var id = articles.ToList().FindIndex(a => a.Title.Contains("Port", StringComparison.Ordinal));
        Assert.True(id >= 0, "The sample site has an article with 'Port' in its title.");
        var token = SearchTokenizer.Words(articles[id].Title).First(w => w.StartsWith("port", StringComparison.Ordinal));

        var postings = Json(Path.Combine(sample.Output, "search", "index", SearchIndexWriter.ShardKey(token) + ".json")).GetProperty(token);
        var posting = postings.EnumerateArray().Single(p => p[0].GetInt32() == id);
        Assert.True((posting[1].GetInt32() & (int)SearchField.Title) != 0);
    }

    [Fact]
    public void The_sample_site_index_is_at_most_15_percent_of_its_html()
    {
        var ratio = Ratio(sample.Output, out var index, out var html);

        output.WriteLine($"sample site: index {index} bytes, HTML {html} bytes, ratio {ratio:P1}");
        Assert.True(ratio <= MaxIndexToHtml, $"The search index is {ratio:P1} of the HTML ({index} of {html} bytes).");
    }

    [Fact]
    public async Task A_large_generated_site_index_stays_within_15_percent_of_its_html()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("STATICNEWS_SEARCH_SIZE_ARTICLES"), out var n) ? n : 300;
        using var site = GeneratedNewsroom.Create(count);
        var result = await site.BuildAsync();
        DiagnosticAssert.NoErrors(result.Diagnostics);

        var ratio = Ratio(site.DefaultOutput, out var index, out var html);

        var words = result.Model!.Site.Articles.Sum(a => a.WordCount);
        output.WriteLine($"{count} generated articles ({words} words of body): index {index} bytes, HTML {html} bytes, ratio {ratio:P1}");
        Assert.True(ratio <= MaxIndexToHtml, $"The search index is {ratio:P1} of the HTML ({index} of {html} bytes).");
    }

    private static double Ratio(string root, out long index, out long html)
    {
        index = Directory.EnumerateFiles(Path.Combine(root, "search"), "*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        html = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(index > 0 && html > 0, "Both the index and the HTML exist.");
        return (double)index / html;
    }

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
}
