using CsCheck;
using StaticNews.Diagnostics;
using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// A rebuild checks only the output paths the previous build did not write (<see cref="OutputPaths.ReportAdded"/>): it must
/// report exactly what checking every path again would.
/// </summary>
public sealed class OutputPathCheckTests
{
    private static readonly string[] Written =
    [
        "index.html", "feed.xml", "news/index.html", "news/page/2/index.html", "news/world/index.html", "about/index.html", "assets/site.css",
    ];

    [Theory]
    [InlineData("new-story/index.html")]
    [InlineData("news")]
    [InlineData("news/world")]
    [InlineData("feed.xml/index.html")]
    [InlineData("assets/site.css/map")]
    [InlineData("CON/index.html")]
    [InlineData("a:b.png")]
    [InlineData("news", "news/extra/index.html")]
    [InlineData("story", "story/index.html")]
    [InlineData("aux", "aux/index.html", "fresh/index.html")]
    public void Checking_the_added_paths_reports_what_checking_them_all_reports(params string[] added) =>
        AssertSameReports([.. Written], added);

    [Fact]
    public void Random_additions_to_paths_that_passed_are_reported_as_a_whole_check_would()
    {
        var segment = Gen.OneOf("a", "b", "c", "index.html", "nul", "x.txt", "d.", "e:f");
        var path = segment.Array[1, 3].Select(segments => string.Join('/', segments));
        Gen.Select(path.Array[0, 12], path.Array[1, 4]).Sample((candidates, added) =>
        {
            // What a previous build wrote passed the checks together: the candidates that do, kept in order.
            var written = new List<string>();
            foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
            {
                var bag = new DiagnosticBag();
                OutputPaths.Report([.. written, candidate], bag);
                if (bag.ToSortedList().Count == 0)
                {
                    written.Add(candidate);
                }
            }

            AssertSameReports(written, [.. added.Distinct(StringComparer.Ordinal).Where(a => !written.Contains(a, StringComparer.Ordinal))]);
        }, iter: 2000);
    }

    [Fact]
    public void The_staging_folder_check_applies_to_added_paths_too()
    {
        var all = new HashSet<string>(Written, StringComparer.Ordinal) { "outside/index.html" };
        var bag = new DiagnosticBag();
        OutputPaths.ReportAdded(["outside/index.html"], all, bag, landsInside: path => !path.StartsWith("outside/", StringComparison.Ordinal));
        DiagnosticAssert.Single(bag.ToSortedList(), DiagnosticCodes.OutputPathUnsafe, "outside/index.html", 0, 0);
    }

    private static void AssertSameReports(List<string> written, string[] added)
    {
        var all = new HashSet<string>(written, StringComparer.Ordinal);
        all.UnionWith(added);
        var whole = new DiagnosticBag();
        OutputPaths.Report(all, whole);
        var incremental = new DiagnosticBag();
        OutputPaths.ReportAdded(added, all, incremental, landsInside: null);
        Assert.Equal(Describe(whole), Describe(incremental));
    }

    private static List<string> Describe(DiagnosticBag bag) =>
        [.. bag.ToSortedList().Select(d => $"{d.Code} {d.Location.Path} {d.Message}").Order(StringComparer.Ordinal)];
}
