using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>
/// What a theme reaches by name besides the model's own members (.NET members of its values, Scriban's functions) renders
/// as written. .ci/run builds the same site with the published, natively compiled tool and compares the two outputs.
/// </summary>
public sealed class TemplateReachTests
{
    [Fact]
    public async Task Templates_read_dotnet_members_of_the_model_and_call_scribans_functions()
    {
        using var folder = new TempFolder();
        var source = Path.Combine(Path.GetDirectoryName(folder.Path)!, "site");
        CopyFolder(TestSites.Golden, source);
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "TestSites", "template-reach"), source);

        var result = await SiteGenerator.BuildAsync(new BuildOptions { SourcePath = source, OutputPath = folder.Path, Clock = new FixedClock(FixedClock.DefaultNow) });

        DiagnosticAssert.NoErrors(result.Diagnostics);
        var html = File.ReadAllText(Path.Combine(folder.Path, "index.html"));
        Assert.Contains("<p class=\"dates\">envoy-arrives: 2026 Tuesday 05:00:00 2026-03-17 17</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"settings\">Asia/Karachi en Sunday false</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"functions\">HELLO WORLD he... 1,2,3 3.14 none 2026/01/02 3 azc 2.00:00:00 3 hello-world</p>", html, StringComparison.Ordinal);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
