using System.Globalization;
using CsCheck;
using Xunit.Abstractions;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests.Fuzzing;

/// <summary>
/// The fuzz harness: one generated article file loaded end to end (discovery, parsing, building, rendering) through
/// <see cref="SiteGenerator.CheckAsync"/>. Whatever the bytes, the check returns diagnostics and never throws.
/// A short run is part of every test run; <c>build.ps1 fuzz</c> runs it longer by setting <see cref="IterationsVariable"/>.
/// A failure prints a CsCheck seed: rerun with <c>CsCheck_Seed=SEED</c>, then add the shrunk input as a regression test.
/// </summary>
public sealed class ArticleFuzzTests(ITestOutputHelper output)
{
    public const string IterationsVariable = "STATICNEWS_FUZZ_ITERATIONS";
    private const int DefaultIterations = 300;

    private static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultIterations;

    [Fact]
    public async Task Any_article_file_gives_diagnostics_never_an_exception()
    {
        using var site = TempSite.Create("""
            -- articles/a.md --
            ---
            title: The other article
            date: 2026-01-01
            author: jane-doe
            category: world
            ---
            Text.
            """);
        var checks = 0;

        // One thread: every iteration rewrites the same file of the same site.
        await ArticleInputs.Files.SampleAsync(async bytes =>
        {
            site.WriteBytes("articles/fuzzed.md", bytes);
            var result = await site.CheckAsync();
            checks++;
            Assert.All(result.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Location.Path), d.ToString()));
            Assert.True(result.Succeeded || result.ErrorCount > 0);
        }, iter: Iterations, threads: 1, print: Describe);

        Assert.Equal(Iterations, checks);
        output.WriteLine($"Checked {checks} generated article files.");
    }

    /// <summary>How a failing input is printed: as a C# string literal, ready to paste into a regression test.</summary>
    private static string Describe(byte[] bytes) =>
        System.Text.Unicode.Utf8.IsValid(bytes)
            ? "\"" + string.Concat(System.Text.Encoding.UTF8.GetString(bytes).Select(c => c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            })) + "\""
            : "bytes: " + Convert.ToHexString(bytes);
}
