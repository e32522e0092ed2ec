using CsCheck;
using StaticNews.Building;
using StaticNews.Model;
using StaticNews.Output;
using StaticNews.Parsing;
using StaticNews.Text;

namespace StaticNews.Tests;

/// <summary>
/// Properties that hold for every input, checked on thousands of generated ones (CsCheck shrinks a failure to a small
/// example and prints its seed: rerun with that seed to reproduce).
/// </summary>
public sealed class PropertyTests
{
    private const int Iterations = 3_000;

    /// <summary>Text made mostly of the characters that matter to the code under test, sometimes any character at all.</summary>
    private static Gen<string> TextOf(string interesting, int maxLength = 60) =>
        Gen.Frequency((4, (IGen<string>)Gen.String[Gen.Char[interesting], 0, maxLength]), (1, Gen.String[0, maxLength]));

    private static readonly Gen<string> FrontMatterText = Gen.Select(
            TextOf("-.\n\r \tab:#", 20),
            TextOf("-\n abc:\"'[]{}&*!|>", 80),
            TextOf("-.\n\r ", 10),
            TextOf("abc\n-", 40))
        .Select((a, b, c, d) => a + b + c + d);

    [Fact]
    public void The_front_matter_splitter_never_throws_and_cuts_the_text_into_its_own_pieces()
    {
        FrontMatterText.Sample(text =>
        {
            var split = FrontMatterSplitter.Split(text);

            Assert.Contains(split.Yaml, text, StringComparison.Ordinal);
            Assert.EndsWith(split.Body, text, StringComparison.Ordinal);
            Assert.True(split.BodyFirstLine >= 1 && split.YamlFirstLine >= 0);
            if (split.Status == FrontMatterStatus.Present)
            {
                // The body starts on the line the splitter says it does.
                var linesBefore = text[..^split.Body.Length].Count(c => c == '\n');
                Assert.Equal(linesBefore + 1, split.BodyFirstLine);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Splitting_an_article_without_keeping_its_body_agrees_with_the_plain_split()
    {
        // Mostly well-fenced front matter (the case whose body is read back from the bytes), sometimes anything.
        var fenced = Gen.Select(Gen.OneOf("---\n", "---\r\n", "--- \n"), TextOf("ab: é€😀\n\r", 40), Gen.OneOf("---\n", "...\n", "---\r\n", "---"))
            .Select((open, yaml, close) => open + yaml + (yaml.EndsWith('\n') ? string.Empty : "\n") + close);
        var frontMatters = Gen.Frequency((3, (IGen<string>)fenced), (1, FrontMatterText));
        var body = TextOf("ab é€😀\n\r-", 80);
        Gen.Select(Gen.OneOf(string.Empty, "\uFEFF"), frontMatters, body).Sample((bom, frontMatter, text) =>
        {
            var file = new Discovery.SourceFile("articles/a.md", System.Text.Encoding.UTF8.GetBytes(bom + frontMatter + text));
            var (plainDiagnostics, sourceDiagnostics) = (new Diagnostics.DiagnosticBag(), new Diagnostics.DiagnosticBag());

            var plain = ContentParser.Split(file, plainDiagnostics);
            var source = ContentParser.SplitSource(file, sourceDiagnostics);

            Assert.Equal(plainDiagnostics.ToSortedList(), sourceDiagnostics.ToSortedList());
            Assert.Equal(plain is null, source is null);
            if (plain is not null && source is not null)
            {
                Assert.Equal(plain.Yaml, source.Yaml);
                Assert.Equal((plain.YamlFirstLine, plain.BodyFirstLine), (source.YamlFirstLine, source.BodyFirstLine));
                Assert.Equal(plain.Body, source.ReadBody());
                Assert.Equal(Incremental.Fingerprint.OfText(plain.Body), source.BodyFingerprint);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Slug_from_never_throws_and_makes_lowercase_ascii_with_single_inner_hyphens()
    {
        Gen.Frequency((3, (IGen<string>)Gen.String[0, 200]), (1, TextOf("Aa1 -_./\\:'CONnul", 120))).Sample(text =>
        {
            var slug = Slug.From(text);

            Assert.True(slug.Length <= Slug.MaxLength);
            Assert.All(slug, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-', $"'{c}' in '{slug}'"));
            Assert.False(slug.StartsWith('-') || slug.EndsWith('-') || slug.Contains("--", StringComparison.Ordinal), slug);
        }, iter: Iterations);
    }

    [Fact]
    public void Every_valid_slug_is_a_safe_path_segment()
    {
        Gen.Frequency((1, (IGen<string>)Gen.String[0, 120]), (3, TextOf("abcnulo1-./\\:CON", 12)), (2, Gen.String[0, 200].Select(Slug.From))).Sample(text =>
        {
            if (Slug.IsValid(text))
            {
                Assert.True(OutputPaths.IsSafe(text), text);
                Assert.True(OutputPaths.IsSafe(text + "/index.html"), text);
            }
        }, iter: Iterations);
    }

    private static readonly TimeZoneInfo[] Zones =
    [
        TimeZoneInfo.Utc,
        TimeZoneInfo.FindSystemTimeZoneById("Asia/Karachi"),
        TimeZoneInfo.FindSystemTimeZoneById("America/New_York"),
        TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"),
        TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago"),
    ];

    /// <summary>Years at the edges of what .NET can represent turn up often: offsets and zones can push them over.</summary>
    private static readonly Gen<int> Year = Gen.Frequency((1, (IGen<int>)Gen.OneOf(1, 9999)), (3, Gen.Int[0, 10_000]));

    private static readonly Gen<string> DateText = Gen.Frequency(
        (3, (IGen<string>)Gen.Select(Year, Gen.Frequency((1, (IGen<int>)Gen.OneOf(1, 12)), (2, Gen.Int[0, 13])), Gen.Frequency((1, (IGen<int>)Gen.OneOf(1, 31)), (2, Gen.Int[0, 32])), Gen.Frequency((1, (IGen<int>)Gen.OneOf(0, 23)), (2, Gen.Int[0, 25])), Gen.Int[0, 61], Gen.OneOf("", "Z", "+05:00", "-12:00", "+14:00", " +05:00"), Gen.OneOf(" ", "T"))
            .Select((y, mo, d, h, mi, zone, sep) => FormattableString.Invariant($"{y:D4}-{mo:D2}-{d:D2}{sep}{h:D2}:{mi:D2}{zone}"))),
        (1, Gen.Select(Year, Gen.Int[0, 13], Gen.Int[0, 32]).Select((y, mo, d) => FormattableString.Invariant($"{y:D4}-{mo:D2}-{d:D2}"))),
        (1, TextOf("0123456789-: TZ+/.", 40)));

    [Fact]
    public void The_date_parser_never_throws_and_every_date_it_accepts_is_a_real_instant()
    {
        Gen.Select(DateText, Gen.Int[0, Zones.Length - 1]).Sample((text, zone) =>
        {
            if (DateParser.TryParse(text, Zones[zone], out var value))
            {
                Assert.InRange(value.UtcDateTime.Year, 1, 9999);
                Assert.StartsWith(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text.Trim(), StringComparison.Ordinal);
            }
        }, iter: Iterations);
    }

    private static readonly Gen<string> SlugGen = Gen.String[Gen.Char["abcz019-"], 1, 30].Select(Slug.From).Where(Slug.IsValid);

    private static readonly Gen<string> BaseUrlGen = Gen.Select(Gen.OneOf("https://example.org", "http://localhost:8080", ""), Gen.String[Gen.Char["abn/-"], 0, 12])
        .Select((origin, path) => origin + "/" + path);

    private static readonly Gen<string> PermalinkGen = Gen.Select(
            Gen.OneOf(":slug", ":year", ":month", ":day", ":category", ":section", "news", "a-b", "con", "x.y", "..").Array[0, 4],
            Gen.Int[0, 4])
        .Select((segments, at) => "/" + string.Join('/', segments.Take(at).Append(":slug").Concat(segments.Skip(at))) + "/");

    private static readonly Gen<Category?> CategoryGen = Gen.Frequency(
        (1, (IGen<Category?>)Gen.Const((Category?)null)),
        (3, SlugGen.Array[1, 3].Select(slugs => (Category?)new Category { Path = string.Join('/', slugs), Slug = slugs[^1], Name = "N", Url = "/" })));

    private static readonly Gen<DateTimeOffset> DateGen = Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], Gen.Int[1, 28]).Select((y, m, d) => new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_url_is_under_the_base_path_and_every_page_path_stays_in_the_output_folder()
    {
        Gen.Select(BaseUrlGen, PermalinkGen, SlugGen, DateGen, CategoryGen, Gen.Int[1, 500]).Sample((baseText, pattern, slug, date, category, page) =>
        {
            var baseUrl = SiteConfigLoader.NormalizeBaseUrl(baseText, out var basePath);
            if (baseUrl is null || Permalink.Validate(pattern) is not null)
            {
                return;
            }

            var urls = new UrlBuilder(basePath, baseUrl);
            string[] all =
            [
                urls.Path(PermalinkPattern.Parse(pattern).Expand(slug, date, TimeZoneInfo.Utc, category)),
                urls.Category(category?.Path ?? slug),
                urls.Author(slug),
                urls.Tag(slug),
                urls.TagIndex,
                urls.Archive,
                urls.ArchiveMonth(date.Year, date.Month),
                UrlBuilder.Paged(urls.Tag(slug), page),
                urls.Resolve("/" + slug + ".png"),
            ];
            foreach (var url in all)
            {
                Assert.StartsWith(basePath, url, StringComparison.Ordinal);
                Assert.StartsWith(baseUrl, urls.Absolute(url), StringComparison.Ordinal);
                Assert.True(OutputPaths.IsSafe(urls.OutputPathOf(url)), $"{url} -> {urls.OutputPathOf(url)}");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Resolving_any_text_as_a_url_never_throws()
    {
        var urls = new UrlBuilder("/news/", "https://example.org/news/");
        Gen.String[0, 80].Sample(text =>
        {
            var resolved = urls.Resolve(text);
            var absolute = urls.Absolute(resolved);
            Assert.NotNull(absolute);
            _ = UrlRules.IsSafeLink(text);
        }, iter: Iterations);
    }
}
