using System.Globalization;
using System.Text;

namespace StaticNews.Benchmarks;

/// <summary>Writes a corpus as a StaticNews site folder.</summary>
internal static class StaticNewsLayout
{
    public static void Write(Corpus corpus, string root)
    {
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "site.yml"), """
            title: The Benchmark Herald
            description: A synthetic news site for measuring build speed.
            base_url: https://bench.example/
            language: en
            time_zone: Asia/Karachi
            short_name: TBH
            page_size: 10
            permalink: /:slug/
            social:
              - name: X
                url: https://x.com/benchmark
            """);

        var categories = new StringBuilder();
        foreach (var top in corpus.Categories)
        {
            categories.Append(CultureInfo.InvariantCulture, $"- name: {top.Name}\n  slug: {top.Slug}\n  description: All {top.Name} stories.\n  children:\n");
            foreach (var (slug, name) in top.Children)
            {
                categories.Append(CultureInfo.InvariantCulture, $"    - name: {name}\n      slug: {slug}\n");
            }
        }

        File.WriteAllText(Path.Combine(root, "categories.yml"), categories.ToString());
        Directory.CreateDirectory(Path.Combine(root, "authors"));
        foreach (var author in corpus.Authors)
        {
            File.WriteAllText(Path.Combine(root, "authors", author.Id + ".md"), $"---\nname: {author.Name}\nrole: {author.Role}\nwebsite: https://example.com/{author.Id}\n---\n{author.Bio}\n");
        }

        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "data", "popular.yml"), string.Concat(corpus.Popular.Select(s => $"- {s}\n")));
        foreach (var article in corpus.Articles)
        {
            var path = ArticlePath(root, article);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var text = new StringBuilder()
                .Append("---\n")
                .Append(CultureInfo.InvariantCulture, $"title: \"{article.Title}\"\n")
                .Append(CultureInfo.InvariantCulture, $"date: {article.Date:yyyy-MM-dd HH:mm}\n")
                .Append(CultureInfo.InvariantCulture, $"authors: [{string.Join(", ", article.AuthorIds)}]\n")
                .Append(CultureInfo.InvariantCulture, $"category: {article.TopCategory}/{article.SubCategory}\n")
                .Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", article.Tags)}]\n")
                .Append(CultureInfo.InvariantCulture, $"summary: \"{article.Summary}\"\n")
                .Append(CultureInfo.InvariantCulture, $"location: {article.Location}\n")
                .Append("---\n");
            for (var i = 0; i < article.BodyBlocks.Count; i++)
            {
                text.Append(article.BodyBlocks[i]).Append("\n\n");
                if (i == 1 && article.AlsoRead is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{{{{< also-read {article.AlsoRead} >}}}}\n\n");
                }
            }

            File.WriteAllText(path, text.ToString());
        }
    }

    /// <summary>The sentence the benchmark appends to an article's body to measure a one-article rebuild, numbered so every edit changes the body.</summary>
    public static string EditSentence(int number) =>
        string.Create(CultureInfo.InvariantCulture, $"One more sentence (number {number}), added by the benchmark to measure a one-article rebuild.");

    /// <summary>Appends <paramref name="sentence"/> to the body of the article at <paramref name="articlePath"/>, as a paragraph of its own.</summary>
    public static void AppendParagraph(string articlePath, string sentence) => File.AppendAllText(articlePath, "\n" + sentence + "\n");

    /// <summary>Where <see cref="Write"/> puts <paramref name="article"/> in the site at <paramref name="root"/>.</summary>
    public static string ArticlePath(string root, SyntheticArticle article) =>
        Path.Combine(root, "articles", article.TopCategory, article.Slug + ".md");
}
