using System.Text;
using CsCheck;

namespace StaticNews.Tests.Fuzzing;

/// <summary>
/// Generated article files for the fuzz harness: random bytes, and a valid article that uses every feature, edited by a
/// handful of mutations biased towards what the parsers care about (fences, indentation, YAML and Markdown syntax,
/// shortcodes, encodings).
/// </summary>
public static class ArticleInputs
{
    public const string ValidArticle = """
        ---
        title: "Talks resume: what's next?"
        date: 2026-03-19 10:00 +05:00
        updated: 2026-03-20
        authors: [jane-doe]
        category: world/diplomacy
        tags: [Talks, Geneva, "trade & tariffs"]
        summary: Delegations met again.
        location: Geneva
        image: /images/talks.svg
        image_alt: Delegates at the table
        extra_list: [1, {a: b}, [c]]
        ---
        Delegations met **again** on _Tuesday_, said [the ministry](https://example.org/?a=1&b=2).

        {{< also-read a >}}

        {{< figure src="/images/x.png" alt="A chart" caption="Trade, 2026" credit="Agency" >}}

        > A quote with a list:
        > - one
        > - two
        >   1. nested

        | country | tariff |
        |---------|--------|
        | A       | 5%     |

        <div class="note">raw <b>HTML</b></div>

        See [the other article](ref:a#part) and `code`.[^1]

        [^1]: A footnote.

        ```csharp
        var x = 1;
        ```
        """;

    private static readonly string[] Tokens =
    [
        "---", "\n", "\r\n", "\r", "\t", "  ", ":", ": ", "- ", "> ", "* ", "1. ", "#", "[", "]", "(", ")", "{{<", ">}}", "{{< also-read ", "{{< figure ",
        "\"", "'", "`", "```", "*", "_", "**", "|", "<", ">", "&", "&amp;", "<script>", "javascript:", "ref:", "](ref:", "!!binary ", "%YAML 1.2\n",
        "&anchor ", "*anchor", "{", "}", "? ", "...", "\0", "\uFEFF", "\u00e9", "\U0001F600", "\\", "..", "/", "C:\\", "CON", "9999-12-31 23:59",
        "0000-00-00", "title: ", "date: ", "slug: ", "category: ", "authors: ", "author: ", "tags: ", "image: ", "draft: true\n", "[^1]", "<!--", "-->",
    ];

    private static readonly (string Open, string Close)[] Pairs =
    [
        ("*", "*"), ("**", "**"), ("_", "_"), ("~~", "~~"), ("[", "]"), ("[", "](x)"), ("![", "](x)"), ("<b>", "</b>"), ("`", "`"), ("{{< quote \"", "\" >}}"),
    ];

    private static readonly Gen<ArticleMutation> Mutation = Gen.Select(
            Gen.Enum<MutationKind>(),
            Gen.Double[0, 1],
            Gen.Int[0, 64],
            Gen.Int[0, Tokens.Length - 1],
            Gen.Byte.Array[0, 16])
        .Select((kind, at, length, token, bytes) => new ArticleMutation(kind, at, length, token, bytes));

    /// <summary>Article files: mostly mutated valid articles, sometimes random bytes or random text.</summary>
    public static Gen<byte[]> Files { get; } = Gen.Frequency(
        (8, (IGen<byte[]>)Mutation.Array[1, 8].Select(mutations => Apply(Encoding.UTF8.GetBytes(ValidArticle), mutations))),
        (1, Gen.Byte.Array[0, 512]),
        (1, Gen.String[0, 512].Select(text => Encoding.UTF8.GetBytes("---\n" + text))));

    public static byte[] Apply(byte[] article, IEnumerable<ArticleMutation> mutations)
    {
        var bytes = new List<byte>(article);
        foreach (var mutation in mutations)
        {
            var at = (int)(mutation.At * bytes.Count);
            var length = Math.Min(mutation.Length, bytes.Count - at);
            var token = Encoding.UTF8.GetBytes(Tokens[mutation.Token]);
            switch (mutation.Kind)
            {
                case MutationKind.InsertToken:
                    bytes.InsertRange(at, token);
                    break;
                case MutationKind.InsertBytes:
                    bytes.InsertRange(at, mutation.Bytes);
                    break;
                case MutationKind.Delete:
                    bytes.RemoveRange(at, length);
                    break;
                case MutationKind.Duplicate:
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case MutationKind.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case MutationKind.Nest:
                    var (open, close) = Pairs[mutation.Token % Pairs.Length];
                    var count = (mutation.Length * mutation.Length * 4) + 1;
                    bytes.InsertRange(at + length, Enumerable.Repeat(Encoding.UTF8.GetBytes(close), count).SelectMany(t => t));
                    bytes.InsertRange(at, Enumerable.Repeat(Encoding.UTF8.GetBytes(open), count).SelectMany(t => t));
                    break;
                case MutationKind.RepeatToken:
                    bytes.InsertRange(at, Enumerable.Repeat(token, (mutation.Length * mutation.Length * 4) + 1).SelectMany(t => t));
                    break;
            }
        }

        return [.. bytes];
    }
}
