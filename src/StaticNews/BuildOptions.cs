namespace StaticNews;

/// <summary>What to build and how. Paths may be relative to the current folder.</summary>
public sealed record BuildOptions
{
    public required string SourcePath { get; init; }

    /// <summary>The output folder; null means "public" inside the source folder.</summary>
    public string? OutputPath { get; init; }

    /// <summary>Overrides site.yml's base_url, e.g. for a preview deployment.</summary>
    public string? BaseUrl { get; init; }

    public bool IncludeDrafts { get; init; }
    public bool IncludeFuture { get; init; }

    /// <summary>
    /// Reuses the previous build's output where its inputs did not change (a cache beside the output folder). Off: every page
    /// is rendered and written, as in a first build.
    /// </summary>
    public bool Incremental { get; init; } = true;

    /// <summary>Turns warnings into errors.</summary>
    public bool Strict { get; init; }

    /// <summary>
    /// Called once when another build is writing the same output folder and this one waits for it to finish (see
    /// <see cref="Output.OutputLock"/>), so a command line can say why nothing happens.
    /// </summary>
    public Action? OnWaitingForOtherBuild { get; init; }

    /// <summary>The clock that decides what is "future"; injected so tests are deterministic.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// A test hook awaited before each output file is written (given its relative path): tests use it to fail or slow a
    /// write so they can interrupt a build mid-write. The CLI sets it only from STATICNEWS_TEST_WRITE_DELAY_MS.
    /// </summary>
    internal Func<string, CancellationToken, ValueTask>? BeforeFileWrite { get; init; }

    /// <summary>
    /// A test hook run before each file an incremental build deletes from or moves into the output (given its relative path),
    /// so tests can interrupt the apply. The CLI sets it only from STATICNEWS_TEST_APPLY_DELAY_MS.
    /// </summary>
    internal Action<string>? BeforeFileApply { get; init; }

    /// <summary>
    /// A test hook run on the output check's thread before it walks the output, given a task that completes when the build
    /// first waits for the check: tests hold the check until then, so that the build decides from the previous output's files
    /// presumed there (see <see cref="Output.PreviousOutput"/>) and must settle that once the check ends.
    /// </summary>
    internal Action<Task>? BeforeOutputCheck { get; init; }

    /// <summary>
    /// Called at most once, as soon as an incremental build finds it must redo most of its work: there is no build cache (a
    /// first build), the cached articles do not apply (site.yml, the base URL or the engine changed), or many pages render
    /// again (a template changed). The CLI then lets the garbage collector work again (it holds it off while a build is small).
    /// </summary>
    internal Action? OnLargeRebuild { get; init; }

    /// <summary>
    /// What identifies the culture data this process formats dates with, or null when nothing does. Given it, the build cache
    /// keeps the site's language's calendar texts under it and later builds format dates with them, without loading the
    /// culture's calendar from ICU (<see cref="Incremental.CalendarCache"/>). The natively compiled CLI, with ICU linked into
    /// it, passes its own build ID; elsewhere ICU is the system's, which an upgrade may change between builds.
    /// </summary>
    internal string? CultureDataIdentity { get; init; }

    public string ResolvedSourcePath => Path.GetFullPath(SourcePath);

    public string ResolvedOutputPath => Path.GetFullPath(OutputPath ?? Path.Combine(ResolvedSourcePath, Discovery.SiteLayout.DefaultOutputFolder));
}
