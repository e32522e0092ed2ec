using System.Globalization;
using System.Text;

namespace StaticNews.Benchmarks;

/// <summary>
/// Makes a news site of N articles shaped like a real one: 600 to 1,200 words with headings, quotes, lists and links,
/// 40 authors, an 8 x 4 category tree, about 300 tags, dates over five years and also-read links.
/// </summary>
internal static class CorpusGenerator
{
    public const int AuthorCount = 40;
    public const int TagCount = 300;

    private static readonly string[] Tops = ["world", "politics", "economy", "region", "culture", "science", "sport", "opinion"];
    private static readonly string[] Subs = ["analysis", "briefing", "interviews", "features"];
    private static readonly string[] Cities = ["Islamabad", "Geneva", "Nairobi", "Jakarta", "Lima", "Oslo", "Doha", "Hanoi", "Accra", "Tbilisi", "Montevideo", "Almaty"];
    private static readonly string[] FirstNames = ["Amina", "Daniel", "Lena", "Kenji", "Sara", "Farhan", "Elena", "Tomas", "Ines", "Yusuf", "Mei", "Omar", "Rosa", "Ivan", "Nadia", "Pablo", "Aisha", "Jonas", "Leila", "Marco"];
    private static readonly string[] LastNames = ["Rahman", "Okafor", "Marchetti", "Watanabe", "Haddad", "Qureshi", "Novak", "Lindqvist"];
    private static readonly string[] Words =
    [
        "minister", "talks", "agreement", "delegation", "summit", "trade", "border", "cooperation", "energy", "port", "treaty", "council",
        "budget", "election", "parliament", "envoy", "visit", "partnership", "investment", "climate", "water", "railway", "harbour", "grain",
        "exports", "tariffs", "negotiators", "officials", "statement", "framework", "sanctions", "corridor", "development", "scholarship",
        "exchange", "security", "dialogue", "region", "capital", "ministry", "committee", "reform", "market", "currency", "growth", "farmers",
        "students", "researchers", "hospital", "network", "pipeline", "shipping", "customs", "visa", "embassy", "consulate", "forum", "report",
        "the", "the", "the", "of", "of", "and", "and", "to", "in", "in", "on", "with", "for", "after", "before", "said", "says", "will", "would",
        "new", "first", "second", "annual", "regional", "joint", "bilateral", "national", "public", "formal", "quiet", "long", "short", "key",
    ];

    public static Corpus Generate(int articleCount, int seed = 20261129)
    {
        var random = new Random(seed);
        var categories = Tops.Select(top => new SyntheticCategory(top, Title(top), [.. Subs.Select(sub => (sub, Title(sub)))])).ToList();
        var authors = Enumerable.Range(0, AuthorCount).Select(i =>
        {
            var name = $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}{(i >= FirstNames.Length * LastNames.Length ? i.ToString(CultureInfo.InvariantCulture) : string.Empty)}";
            return new SyntheticAuthor($"author-{i:D2}", name, i % 3 == 0 ? "Correspondent" : "Staff Writer", Sentence(random, 30) + " " + Sentence(random, 25));
        }).ToList();
        var tags = Enumerable.Range(0, TagCount).Select(i => $"{Words[i % 60]}-{i:D3}").ToList();

        var end = new DateTimeOffset(2026, 11, 28, 18, 0, 0, TimeSpan.FromHours(5));
        var spanMinutes = 5 * 365 * 24 * 60;
        var articles = new List<SyntheticArticle>(articleCount);
        for (var i = 0; i < articleCount; i++)
        {
            var slug = $"story-{i:D6}-{Words[random.Next(60)]}-{Words[random.Next(60)]}";
            var date = end.AddMinutes(-(long)spanMinutes * (articleCount - 1 - i) / Math.Max(articleCount - 1, 1));
            var top = Tops[random.Next(Tops.Length)];
            var sub = Subs[random.Next(Subs.Length)];
            var authorIds = random.Next(5) == 0 ? new[] { authors[random.Next(AuthorCount)].Id, authors[random.Next(AuthorCount)].Id }.Distinct().ToList() : [authors[random.Next(AuthorCount)].Id];
            var tagCount = 2 + random.Next(4);
            var articleTags = Enumerable.Range(0, tagCount).Select(_ => tags[Zipf(random, TagCount)]).Distinct().ToList();
            var alsoRead = i > 0 ? articles[random.Next(i)].Slug : null;
            articles.Add(new SyntheticArticle(
                slug,
                Capitalize(Sentence(random, 8).TrimEnd('.')),
                date,
                top,
                sub,
                authorIds,
                articleTags,
                Sentence(random, 24),
                Cities[random.Next(Cities.Length)],
                alsoRead,
                Body(random, 600 + random.Next(601))));
        }

        var popular = articles.Count == 0 ? [] : Enumerable.Range(0, Math.Min(6, articles.Count)).Select(k => articles[articles.Count - 1 - (k * 7 % articles.Count)].Slug).Distinct().ToList();
        return new Corpus(categories, authors, articles, popular);
    }

    /// <summary>Paragraphs, two subheadings, a quote, a list and an external link; the also-read line is added by each layout.</summary>
    private static List<string> Body(Random random, int words)
    {
        var blocks = new List<string>();
        var written = 0;
        var paragraph = 0;
        while (written < words)
        {
            paragraph++;
            if (paragraph == 4)
            {
                blocks.Add("## " + Capitalize(Sentence(random, 4).TrimEnd('.')));
            }
            else if (paragraph == 6)
            {
                blocks.Add("> “" + Sentence(random, 18) + "” " + Capitalize(Words[random.Next(60)]) + " officials said.");
                written += 20;
            }
            else if (paragraph == 8)
            {
                blocks.Add(string.Join('\n', Enumerable.Range(0, 4).Select(_ => "- " + Capitalize(Sentence(random, 7)))));
                written += 28;
            }
            else if (paragraph == 10)
            {
                blocks.Add("## " + Capitalize(Sentence(random, 3).TrimEnd('.')));
            }
            else
            {
                var length = 40 + random.Next(60);
                var text = string.Join(' ', Enumerable.Range(0, 3).Select(_ => Capitalize(Sentence(random, length / 3))));
                if (paragraph == 3)
                {
                    text += " Read the [full statement](https://example.org/statements/" + random.Next(100000).ToString(CultureInfo.InvariantCulture) + ").";
                }

                blocks.Add(text);
                written += length;
            }
        }

        return blocks;
    }

    private static int Zipf(Random random, int n)
    {
        var u = random.NextDouble();
        return Math.Min(n - 1, (int)(Math.Pow(u, 2.2) * n));
    }

    private static string Sentence(Random random, int words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            builder.Append(i == 0 ? string.Empty : " ").Append(Words[random.Next(Words.Length)]);
        }

        return builder.Append('.').ToString();
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Title(string slug) => Capitalize(slug);
}
