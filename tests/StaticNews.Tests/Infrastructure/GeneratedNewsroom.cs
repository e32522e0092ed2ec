using System.Globalization;
using System.Text;

namespace StaticNews.Tests.Infrastructure;

/// <summary>A large synthetic newsroom for size measurements: articles of a few hundred words drawn (seeded) from a fixed vocabulary.</summary>
public static class GeneratedNewsroom
{
    public static TempSite Create(int articles, int seed = 8)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 4000).Select(i => Word(random)).ToArray();
        var common = new[] { "the", "of", "and", "to", "in", "a", "said", "on", "for", "with", "minister", "government", "talks", "city", "year" };
        var categories = new[] { "world", "world/diplomacy", "world/trade", "culture" };
        var files = new StringBuilder();
        for (var i = 0; i < articles; i++)
        {
            var date = new DateTime(2024, 1, 1, 8, 0, 0, DateTimeKind.Unspecified).AddHours(i * 7);
            string Pick() => random.Next(3) == 0 ? common[random.Next(common.Length)] : vocabulary[(int)Math.Pow(random.NextDouble(), 2.5) * vocabulary.Length % vocabulary.Length];
            var title = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Pick()));
            files.Append(CultureInfo.InvariantCulture, $"""
                -- {StoryFile(i)} --
                ---
                title: {char.ToUpperInvariant(title[0])}{title[1..]}
                date: {date:yyyy-MM-dd HH:mm}
                author: jane-doe
                category: {categories[i % categories.Length]}
                tags: [{vocabulary[random.Next(60)]}, {vocabulary[random.Next(60)]}]
                summary: {string.Join(' ', Enumerable.Range(0, 20).Select(_ => Pick()))}.
                ---

                """);
            for (var paragraph = 0; paragraph < 6; paragraph++)
            {
                files.Append(string.Join(' ', Enumerable.Range(0, 70).Select(_ => Pick()))).Append(".\n\n");
            }
        }

        return TempSite.Create(files.ToString());
    }

    /// <summary>The file of story <paramref name="number"/> in a site <see cref="Create"/> made.</summary>
    public static string StoryPath(TempSite site, int number) => Path.Combine(site.Root, StoryFile(number));

    /// <summary>Edits the body of story <paramref name="number"/>: a paragraph of <paramref name="words"/> added at its end, different every time.</summary>
    public static void EditBody(TempSite site, int number, string words = "A paragraph added") =>
        File.AppendAllText(StoryPath(site, number), $"\n{words} to story {number} at {Guid.NewGuid():N}.\n");

    private static string StoryFile(int number) => $"articles/story-{number:D5}.md";

    private static string Word(Random random)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        var length = 3 + random.Next(8);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Letters[r.Next(Letters.Length)];
            }
        });
    }
}
