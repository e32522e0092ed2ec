using System.ComponentModel;
using System.Diagnostics;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The W3C Nu HTML Checker (vnu-jar, installed by .ci/run) finds no error on any page of the sample newsroom.</summary>
public sealed class HtmlValidityTests(SampleSiteBuild sample) : IClassFixture<SampleSiteBuild>
{
    public const string VnuPackage = "vnu-jar@26.9.27";
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Every_page_of_the_sample_site_is_valid_html()
    {
        DiagnosticAssert.NoErrors(sample.Result.Diagnostics);
        var jar = Path.Combine(TestSites.RepositoryRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"The HTML checker is missing: {jar}. Install it from the repository root with `npm install --prefix . --ignore-scripts --no-save {VnuPackage}` (.ci/run does this), and have Java 11+ on the PATH.");
        var files = sample.Pages.Select(p => Path.Combine(sample.Output, p.Path)).ToList();
        Assert.True(files.Count > 100, $"Expected the whole sample site, found {files.Count} pages.");

        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-jar", jar, "--errors-only", "--format", "gnu" }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Java is needed to run the HTML checker and could not be started ({e.Message}). Install a JRE (apt-get install -y default-jre-headless).");
            return;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(HangLimit);
            await process.WaitForExitAsync(timeout.Token);
            var report = ((await stdout) + (await stderr)).Replace(sample.Output + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Trim();
            Assert.True(process.ExitCode == 0 && report.Length == 0, $"The HTML checker found errors in {files.Count} pages (exit {process.ExitCode}):\n{report}");
        }
    }
}
