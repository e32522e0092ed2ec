using System.Runtime.ExceptionServices;
using Scriban.Syntax;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>Runs alone: it watches every exception thrown in the process while it builds.</summary>
[CollectionDefinition(nameof(AloneInTheProcess), DisableParallelization = true)]
public sealed class AloneInTheProcess;

/// <summary>
/// Rendering the sample site throws no template exception: deciding whether a partial's output can be reused reads its inputs
/// without Scriban's strict-variable exceptions, which cost a throw per include on every page.
/// </summary>
[Collection(nameof(AloneInTheProcess))]
public sealed class RenderingExceptionTests
{
    [Fact]
    public async Task A_build_of_the_sample_site_throws_no_template_exception()
    {
        var thrown = 0;
        var first = string.Empty;
        void Count(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is ScriptRuntimeException && Interlocked.Increment(ref thrown) == 1)
            {
                first = e.Exception.Message;
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            var result = await SiteGenerator.CheckAsync(new BuildOptions { SourcePath = Path.Combine(TestSites.RepositoryRoot, "site"), Clock = new FixedClock(FixedClock.DefaultNow) });
            DiagnosticAssert.NoErrors(result.Diagnostics);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }

        Assert.True(thrown == 0, $"{thrown} template exceptions thrown, the first: {first}");
    }
}
