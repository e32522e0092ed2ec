using System.Text;
using CsCheck;
using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// An incremental build names the files it meets again with the strings the build cache decoded: the output marker's list,
/// the pages' and the feeds' paths. The paths must stay what they were, only made once.
/// </summary>
public sealed class KnownOutputPathsTests
{
    private static readonly Gen<string> Line = Gen.Frequency(
        (8, (IGen<string>)Gen.String[Gen.Char["ab/.-_é€😀 "], 0, 40]),
        (1, Gen.String[0, 40]),
        (1, Gen.Int[500, 40_000].Select(length => new string('p', length))));

    private static readonly Gen<string> LineBreak = Gen.OneOf("\n", "\r\n", "\r");

    [Fact]
    public void The_marker_list_is_read_line_for_line_as_File_ReadAllLines_reads_it()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var marker = Path.Combine(folder.Path, OutputFolder.MarkerFileName);
        Gen.Select(Line.Array[0, 30], LineBreak.Array[30], Gen.Int[-1, 30], Gen.Bool, Gen.Bool).Sample((lines, breaks, heading, byteOrderMark, lastBreak) =>
        {
            var text = new StringBuilder();
            for (var i = 0; i < lines.Length; i++)
            {
                text.Append(i == heading ? OutputFolder.ManifestHeading : lines[i]);
                if (i < lines.Length - 1 || lastBreak)
                {
                    text.Append(breaks[i]);
                }
            }

            File.WriteAllBytes(marker, [.. byteOrderMark ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(text.ToString())]);
            var all = File.ReadAllLines(marker);
            var at = Array.IndexOf(all, OutputFolder.ManifestHeading);
            var expected = at < 0 ? null : all[(at + 1)..];

            var listed = OutputFolder.ListedFiles(folder.Path, KnownOutputPaths.None);

            Assert.Equal(expected, listed?.ToArray());
        }, iter: 400, threads: 1);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void A_line_break_where_one_read_of_the_marker_ends_and_the_next_begins_is_one_break(int shift)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var heading = OutputFolder.ManifestHeading + "\n";
        var filler = new string('p', MarkerList.ChunkBytes - 1 - heading.Length + shift);
        File.WriteAllText(Path.Combine(folder.Path, OutputFolder.MarkerFileName), heading + filler + "\r\nnext/index.html\r\nlast.xml\r");

        var listed = OutputFolder.ListedFiles(folder.Path, KnownOutputPaths.None);

        Assert.Equal([filler, "next/index.html", "last.xml"], listed);
    }

    [Fact]
    public void A_listed_path_the_last_build_wrote_is_its_string_and_any_other_a_new_one()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var hashes = new Dictionary<string, ContentHash>(StringComparer.Ordinal)
        {
            [string.Concat("index", ".html")] = default,
            [string.Concat("story/", "index.html")] = default,
        };
        OutputFolder.WriteMarker(Path.Combine(folder.Path, OutputFolder.MarkerFileName), ["index.html", "rss.xml", "story/index.html"]);

        var listed = OutputFolder.ListedFiles(folder.Path, KnownOutputPaths.Of(hashes))!;

        Assert.Equal(["index.html", "rss.xml", "story/index.html"], listed);
        Assert.Same(hashes.Keys.First(), listed[0]);
        Assert.Same(hashes.Keys.Last(), listed[2]);
        Assert.DoesNotContain(listed[1], hashes.Keys);
    }

    [Fact]
    public void A_page_or_feed_path_the_last_build_wrote_is_its_string()
    {
        var known = new Dictionary<string, ContentHash>(StringComparer.Ordinal)
        {
            [string.Concat("world/", "index.html")] = default,
            [string.Concat("category/world/", "atom.xml")] = default,
            [string.Concat("image", ".png")] = default,
        };
        var urls = new UrlBuilder("/news/", "https://example.org/news/") { KnownPaths = KnownOutputPaths.Of(known) };
        var strings = known.Keys.ToArray();

        Assert.Same(strings[0], urls.OutputPathOf("/news/world/"));
        Assert.Same(strings[1], urls.OutputPathOf("/news/category/world/", "atom.xml"));
        Assert.Same(strings[2], urls.OutputPathOf("/news/image.png"));
        Assert.Equal("culture/index.html", urls.OutputPathOf("/news/culture/"));
        Assert.Equal("index.html", urls.OutputPathOf("/news/"));
    }

    [Fact]
    public void A_file_in_a_folder_has_the_path_of_the_url_the_two_make()
    {
        var folders = Gen.Select(Gen.OneOf("/", "/news/", "/a/b/"), Gen.String[Gen.Char["ab/-é"], 0, 20])
            .Select((basePath, rest) => (basePath, FolderUrl: basePath + rest.TrimStart('/') + (rest.EndsWith('/') ? string.Empty : "/")));
        Gen.Select(folders, Gen.OneOf("rss.xml", "atom.xml", "feed.json")).Sample((site, file) =>
        {
            var urls = new UrlBuilder(site.basePath, "https://example.org" + site.basePath);
            Assert.Equal(urls.OutputPathOf(site.FolderUrl + file), urls.OutputPathOf(site.FolderUrl, file));
        }, iter: 500);
    }
}
