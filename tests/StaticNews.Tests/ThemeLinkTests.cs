using System.Net;
using System.Text.RegularExpressions;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Every link and image of the sample newsroom points at a file the build wrote, also when the site is served under /news/.</summary>
public sealed partial class ThemeLinkTests(SampleSiteBuild sample) : IClassFixture<SampleSiteBuild>
{
    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex LinkPattern();

    private static List<string> BrokenLinks(string output, string basePath)
    {
        var broken = new List<string>();
        foreach (var (path, html) in SampleSiteBuild.ReadPages(output))
        {
            foreach (Match match in LinkPattern().Matches(html))
            {
                var url = WebUtility.HtmlDecode(match.Groups[1].Value);
                if (!url.StartsWith('/'))
                {
                    continue;
                }

                var target = url.Split('#', '?')[0];
                if (!target.StartsWith(basePath, StringComparison.Ordinal))
                {
                    broken.Add($"{path}: {url} is outside {basePath}");
                    continue;
                }

                var relative = target[basePath.Length..];
                var file = Path.Combine(output, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
                if (!File.Exists(file))
                {
                    broken.Add($"{path}: {url}");
                }
            }
        }

        return broken;
    }

    [Fact]
    public void Every_site_link_resolves_to_a_written_file()
    {
        DiagnosticAssert.NoErrors(sample.Result.Diagnostics);

        var broken = BrokenLinks(sample.Output, "/");

        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken.Distinct().Take(50)));
    }

    [Fact]
    public void Under_a_sub_path_every_link_stays_inside_it_and_resolves()
    {
        DiagnosticAssert.NoErrors(sample.SubPathResult.Diagnostics);

        var broken = BrokenLinks(sample.SubPathOutput, "/news/");

        Assert.True(broken.Count == 0, "Broken links under /news/:\n" + string.Join('\n', broken.Distinct().Take(50)));
    }
}
