using System.Diagnostics;
using StaticNews.Building;
using StaticNews.Checking;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Incremental;
using StaticNews.Output;
using StaticNews.Publishing;
using StaticNews.Rendering;

namespace StaticNews;

/// <summary>Runs the five stages: discover, parse and build the model, render, write. Mistakes come back as diagnostics; only bugs and the environment throw.</summary>
public static class SiteGenerator
{
    /// <summary>Builds the site and, when there is no error, replaces the output folder with the result.</summary>
    public static Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: true, cancellationToken);

    /// <summary>
    /// As <see cref="BuildAsync"/>, on the calling thread: for a caller with nothing else to do meanwhile (the command line's
    /// own process), which then does not wait for a pool thread to start before the build does.
    /// </summary>
    public static BuildResult Build(BuildOptions options, CancellationToken cancellationToken = default) =>
        Run(options, write: true, checkLinks: false, memo: null, keepMemo: false, cancellationToken);

    /// <summary>
    /// Everything a build does except writing (templates render, so their errors surface too), plus what only a check
    /// verifies: internal links, anchors and images of every published article.
    /// </summary>
    public static Task<BuildResult> CheckAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: false, cancellationToken, checkLinks: true);

    /// <summary>Stages 1 to 4 into memory: the files a build would write, in <see cref="BuildResult.Files"/>. Used by the preview server.</summary>
    public static Task<BuildResult> RenderAsync(BuildOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: false, cancellationToken);

    /// <summary>
    /// Stages 1 to 4 into memory, re-rendering only the pages whose inputs changed since the render that gave
    /// <paramref name="previous"/> (the others are taken from it). The result's <see cref="BuildResult.Memo"/> feeds the next call.
    /// </summary>
    public static Task<BuildResult> RenderAsync(BuildOptions options, RenderMemo? previous, CancellationToken cancellationToken = default) =>
        RunAsync(options, write: false, cancellationToken, memo: previous, keepMemo: true);

    /// <summary>
    /// Runs a build on a pool thread. The build itself is synchronous: an awaited task would keep its result, the sources
    /// with every article's bytes (70 MB at 10,000 articles), alive in the awaiting frame until the end of the build.
    /// </summary>
    private static Task<BuildResult> RunAsync(BuildOptions options, bool write, CancellationToken cancellationToken, bool checkLinks = false, RenderMemo? memo = null, bool keepMemo = false) =>
        Task.Run(() => Run(options, write, checkLinks, memo, keepMemo, cancellationToken));

    /// <summary>Whether the previous build rendered the page or file at <paramref name="path"/> from other inputs, or not at all.</summary>
    private static bool ChangedSince(Dictionary<string, ContentHash>? previous, string path, ContentHash fingerprint) =>
        previous is not null && (!previous.TryGetValue(path, out var old) || old != fingerprint);

    /// <summary>Adds the generated files' fingerprints (the first for a path stands); returns how many changed since the previous build.</summary>
    private static int AddFiles(Dictionary<string, ContentHash> pageFingerprints, IEnumerable<(string Path, ContentHash Fingerprint)> files, Dictionary<string, ContentHash>? previous)
    {
        var changed = 0;
        foreach (var (path, fingerprint) in files)
        {
            if (pageFingerprints.TryAdd(path, fingerprint) && ChangedSince(previous, path, fingerprint))
            {
                changed++;
            }
        }

        return changed;
    }

    /// <summary>
    /// Runs the build; should it find a cache file damaged (an entry's payload not matching its checksum, which shows only
    /// when the payload is read: see <see cref="CheckedPayload"/>), it removes that file and runs again, as a build that never
    /// had it. What the first run had done is dropped as a failed build's is: the output is as it was.
    /// </summary>
    private static BuildResult Run(BuildOptions options, bool write, bool checkLinks, RenderMemo? memo, bool keepMemo, CancellationToken cancellationToken)
    {
        // One build at a time per output folder (a folder refused as output is left alone: the build reports it).
        var output = new OutputFolder(options.ResolvedOutputPath);
        using var outputLock = write && OutputGuard.CheckLocation(options.ResolvedSourcePath, output) is null
            ? OutputLock.Take(output, options.OnWaitingForOtherBuild, cancellationToken)
            : null;
        try
        {
            return RunOnce(options, write, checkLinks, memo, keepMemo, cancellationToken);
        }
        catch (Exception e) when (DamagedCacheException.PathIn(e) is { } damaged
            && string.Equals(Path.GetDirectoryName(damaged), output.CachePath, StringComparison.Ordinal))
        {
            File.Delete(damaged);
            return RunOnce(options, write, checkLinks, memo, keepMemo, cancellationToken);
        }
    }

    private static BuildResult RunOnce(BuildOptions options, bool write, bool checkLinks, RenderMemo? memo, bool keepMemo, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var times = new Dictionary<BuildStage, TimeSpan>();
        var output = new OutputFolder(options.ResolvedOutputPath);
        var clock = Stopwatch.StartNew();

        // Fingerprints only serve the build cache: a build that keeps none (--force) computes none.
        var keepsCache = write && options.Incremental;

        // Every file unchanged in size and time stamp since a build without warnings: up to date without reading the site.
        // The last build's stamps are read on a pool thread while this one stamps the sources.
        var optionsKey = keepsCache ? InputFingerprint.OptionsKey(options) : null;
        var savedStampsLoad = keepsCache ? ParallelWork.Start(() => SavedStamps.Load(output.CachePath, optionsKey!)) : null;
        var stamps = keepsCache ? SourceStamps.Take(options.ResolvedSourcePath) : null;
        var savedStamps = savedStampsLoad?.Result;
        if (savedStamps?.FingerprintIfUnchanged(stamps!) is { } unchangedInputs && OutputFolder.HasMarker(output.Path)
            && BuildCache.SummarySaysUpToDate(output.CachePath, unchangedInputs, options.Clock.GetUtcNow()))
        {
            times[BuildStage.Discover] = Lap(clock);
            OutputWriter.RemoveLeftoverStaging(output);
            return new BuildResult { Diagnostics = [], OutputPath = output.Path, StageTimes = times, UpToDate = true, UnreadSources = true };
        }

        // The caches and site.yml load while the site is read (a build found up to date leaves them to finish unused).
        var early = keepsCache ? EarlyCacheLoad.Start(output.CachePath, options.ResolvedSourcePath, options.BaseUrl) : null;
        var earlyConfig = keepsCache ? EarlySiteConfig.Start(options.ResolvedSourcePath, output.CachePath, options) : null;

        // The files just stamped are the ones read (the site's folders are listed once), except the articles unchanged since
        // the last build: what it found in them stands in for reading them.
        var sources = SiteDiscoverer.Discover(options.ResolvedSourcePath, stamps?.Listing, savedStamps?.UnchangedIn(stamps!), diagnostics, cancellationToken);
        var (inputFingerprint, fileHashes) = keepsCache ? InputFingerprint.Compute(sources, options) : default;
        if (keepsCache && !diagnostics.HasErrors && OutputFolder.HasMarker(output.Path)
            && BuildCache.SummarySaysUpToDate(output.CachePath, inputFingerprint!, options.Clock.GetUtcNow()))
        {
            // The files were read and found unchanged: the next unchanged build need not read them.
            stamps!.Save(output.CachePath, optionsKey!, inputFingerprint!, path => fileHashes!.TryGetValue(path, out var hash) ? savedStamps?.Find(path, hash) : null);
            times[BuildStage.Discover] = Lap(clock);
            OutputWriter.RemoveLeftoverStaging(output);
            return new BuildResult { Diagnostics = [], OutputPath = output.Path, StageTimes = times, UpToDate = true };
        }

        var cache = early?.BuildCache;
        times[BuildStage.Discover] = Lap(clock);
        if (cache is not null && IsUpToDate(cache, inputFingerprint!, output, options) && !diagnostics.HasErrors)
        {
            OutputWriter.RemoveLeftoverStaging(output);
            return new BuildResult
            {
                Diagnostics = [.. cache.Warnings.Select(w => w.ToDiagnostic())],
                OutputPath = output.Path,
                StageTimes = times,
                UpToDate = true,
            };
        }

        // The last build's paths, as its cache decoded them: the marker's list, the pages and the feeds take those strings.
        var knownPaths = cache is not null ? KnownOutputPaths.Of(cache.FileHashes) : KnownOutputPaths.None;

        // A build that may write checks its output meanwhile: the check walks the previous output, except the folders still
        // carrying the time the last build's check recorded.
        var outputCheck = write ? OutputCheck.Start(options.ResolvedSourcePath, output, cache?.OutputFolderRecord, knownPaths, options.BeforeOutputCheck) : null;
        // The templates are parsed meanwhile too: they depend on nothing but their sources.
        var templates = ParsedTemplates.StartParsing(sources.Templates);
        var caches = ArticleCaches.Disabled();
        StagingWriter? staging = null;
        try
        {
            caches = early is not null && sources.SiteConfig is not null ? early.ArticleCachesFor(sources.SiteConfig) : ArticleCaches.Disabled();
            var onLargeRebuild = options.OnLargeRebuild;
            // Without usable front matters (site.yml changed, or no cache), every article is parsed and rendered again.
            if (keepsCache && (cache is null || (caches.Drafts.Count == 0 && sources.Articles.Count > 0)))
            {
                onLargeRebuild?.Invoke();
                onLargeRebuild = null;
            }

            var model = BuildModel(sources, options, diagnostics, caches, knownPaths, earlyConfig, cancellationToken);
            var articlesUnread = sources.Articles.Count(a => !a.WasRead);
            var readAgain = keepsCache ? BodyOnlyChange.ReadAgainIn(sources.Articles) : null;
            if (!checkLinks)
            {
                // The model holds all that later stages need of the articles: their source bytes can go (70 MB at 10,000 articles).
                sources = sources with { Articles = [] };
            }

            var (bodiesReused, frontMattersReused) = model is null ? (0, 0) : (model.Bodies.Count - model.BodiesRendered, model.Drafts.Count - model.DraftsParsed);
            PreviousOutput? previous = null;
            if (write && model is not null && !diagnostics.HasErrors)
            {
                // Pages go to the staging folder as they are rendered; nothing reaches the output until the commit below.
                // The output check's walk says which of the previous output's files are gone: no lookup on disk per page.
                // Nothing waits for it before the output opens: until then its files are presumed there (see PreviousOutput).
                previous = cache is not null && OutputFolder.HasMarker(output.Path)
                    ? new PreviousOutput(output.Path, cache.FileHashes) { Check = outputCheck }
                    : null;
                staging = new StagingWriter(output, outputCheck!, diagnostics, previous, options.BeforeFileWrite, options.BeforeFileApply, cancellationToken);
            }

            SearchInputs? search = null;
            if (caches.IsEnabled && model is not null && staging is not null)
            {
                (model, search) = caches.WritePending(model, previous, earlyConfig?.CalendarToKeep, outputCheck!.WhenWritable);
            }

            times[BuildStage.Parse] = Lap(clock);

            IReadOnlyList<OutputFile> files = [];
            Dictionary<string, ContentHash>? pageFingerprints = null;
            PageReadsTable? pageReads = null;
            var pagesRendered = 0;
            string? siteFingerprint = null;
            BodyOnlyChange? bodyOnly = null;
            RenderMemo? nextMemo = null;
            PageTemplateInputs? templateInputs = null;
            if (model is not null && !diagnostics.HasErrors)
            {
                // The renderer is set up on a pool thread while the pages are fingerprinted (the model is final: the caches'
                // part went to their pending write), so the pages an edit renders again start as soon as they are known:
                // set up after the fingerprints, the one page of a 1,000-article edit waited 0.9 ms for it.
                var setup = SiteRenderer.StartSetup(model, sources.Templates, () => templates.Result, diagnostics);
                // Made once: the feeds' fingerprints and their writers both go through every feed.
                var feeds = FeedCatalog.Build(model.Site);
                OutputReuse? reuse = null;
                if (keepsCache || keepMemo)
                {
                    templateInputs = new PageTemplateInputs(sources.Templates, templates.Result.Facts, model.BuiltAt);
                    var fingerprints = new PageFingerprints(sources, options, model, templateInputs);
                    siteFingerprint = fingerprints.Site;
                    // What a page reads of articles is known from its last render: the cache's, or the preview server's previous one.
                    pageReads = (write ? cache?.Reads : memo?.Reads)?.ForNextBuild() ?? PageReadsTable.Empty();

                    // Fingerprinted in parallel into an array, then put in a dictionary sized for every page and feed at once.
                    // Those that changed since the previous build are counted on the way (a large rebuild is announced).
                    var pages = model.Pages;
                    var ofPages = new ContentHash[pages.Count];
                    var previousFingerprints = previous is not null ? cache?.PageFingerprints : null;
                    bodyOnly = BodyOnlyChange.Since(cache?.SiteFingerprint, previousFingerprints, fingerprints.Site, readAgain, pageReads);
                    var changed = 0;
                    ParallelWork.For(pages.Count, i =>
                    {
                        var path = pages[i].OutputPath;
                        if (bodyOnly is not null && bodyOnly.TryKeep(pages[i], out var kept))
                        {
                            ofPages[i] = kept;
                            return;
                        }

                        ofPages[i] = fingerprints.Of(pages[i], pageReads.Of(path));
                        if (ChangedSince(previousFingerprints, path, ofPages[i]))
                        {
                            Interlocked.Increment(ref changed);
                        }
                    }, cancellationToken);
                    // Sized for the feeds too (three files per channel: 1,143 at 1,000 articles, twice the room a quarter more
                    // than the pages left, so the table grew once while filled) and the sitemaps (one per 50,000 pages at most).
                    pageFingerprints = new Dictionary<string, ContentHash>(pages.Count + (feeds.Count * FeedLocations.Formats.Count) + (pages.Count / 1000) + 8, StringComparer.Ordinal);
                    for (var i = 0; i < pages.Count; i++)
                    {
                        pageFingerprints[pages[i].OutputPath] = ofPages[i];
                    }

                    // Two loops, not Concat: LINQ over value tuples is left to the JIT at every build.
                    changed += AddFiles(pageFingerprints, fingerprints.OfFeeds(model, feeds, bodyOnly), previousFingerprints);
                    changed += AddFiles(pageFingerprints, fingerprints.OfSitemaps(model, bodyOnly), previousFingerprints);

                    if (previous is not null && cache is not null)
                    {
                        // More than a third of the pages and files have inputs the previous build did not render them from: an
                        // article added (a fifth of the pages at 10,000 articles, its feeds) builds faster held off, as an edit does.
                        if (changed > pageFingerprints.Count / 3)
                        {
                            onLargeRebuild?.Invoke();
                        }

                        reuse = new OutputReuse(pageFingerprints, cache.PageFingerprints, previous.Has, fingerprints.Of, previous.Settle);
                    }
                    else if (memo is not null)
                    {
                        reuse = new OutputReuse(pageFingerprints, memo.PageFingerprints, memo.Pages.ContainsKey, fingerprints.Of);
                    }
                    else
                    {
                        reuse = OutputReuse.None(pageFingerprints, fingerprints.Of);
                    }
                }

                if (staging is not null)
                {
                    try
                    {
                        pagesRendered = SiteRenderer.Render(model, sources, diagnostics, reuse, staging, search, cancellationToken, setup, feeds);
                    }
                    catch
                    {
                        staging.Abandon();
                        caches.Discard();
                        throw;
                    }
                }
                else
                {
                    files = SiteRenderer.Render(model, sources, diagnostics, reuse, out pagesRendered, cancellationToken, setup, feeds);
                }

                if (reuse is not null)
                {
                    foreach (var (path, fingerprint) in reuse.FoundWhileRendering)
                    {
                        pageFingerprints![path] = fingerprint;
                    }

                    foreach (var (path, reads) in reuse.ReadsWhileRendering)
                    {
                        pageReads!.Set(path, reads);
                    }
                }

                if (!write && memo is not null)
                {
                    files = [.. files.Select(f => f.IsUnchanged ? memo.Pages[f.Path] : f)];
                }

                if (keepMemo)
                {
                    var pagePaths = pageFingerprints!.Keys.ToHashSet(StringComparer.Ordinal);
                    nextMemo = new RenderMemo(pageFingerprints, pageReads!, files.Where(f => pagePaths.Contains(f.Path)).ToDictionary(f => f.Path, StringComparer.Ordinal));
                }

                if (checkLinks)
                {
                    LinkChecker.Check(model, sources, files, diagnostics, cancellationToken);
                }

                if (!write)
                {
                    // A build reports these before writing; check reports them too, so 'check' passing means 'build' can write.
                    OutputPaths.Report(files, diagnostics);
                }

                times[BuildStage.Render] = Lap(clock);
            }

            WriteResult? written = null;
            var failed = diagnostics.HasErrors || (options.Strict && diagnostics.ToSortedList().Count > 0);
            if (staging is not null && (failed || model is null))
            {
                staging.Abandon();
                caches.Discard();
            }
            else if (staging is not null && model is not null)
            {
                try
                {
                    caches.FinishPending();
                }
                catch
                {
                    staging.Abandon();
                    caches.Discard();
                    throw;
                }

                var cacheWrite = Task.CompletedTask;
                PoolWork<bool>? stampsWrite = null;
                BuildCache? buildCache = null;
                try
                {
                    // The cache describes the output it sits beside: it is dropped just before the output changes and put in
                    // place after. It is written aside meanwhile, so writing it and changing the output overlap.
                    buildCache = keepsCache
                        ? new BuildCache
                        {
                            EngineVersion = EngineIdentity.Version,
                            InputFingerprint = inputFingerprint!,
                            ValidUntil = ValidUntil(model, templateInputs!),
                            SiteFingerprint = siteFingerprint!,
                            PageFingerprints = pageFingerprints!,
                            Reads = pageReads!,
                            FileHashes = staging.FileHashes,
                            OutputFolderRecord = staging.FolderRecord(),
                            Warnings = [.. diagnostics.ToSortedList().Select(CachedDiagnostic.From)],
                        }
                        : null;
                    cacheWrite = buildCache is null ? Task.CompletedTask : Task.Run(() => buildCache.SaveAside(output.CachePath), CancellationToken.None);
                    // The source stamps are written aside too, queued after the cache (the longer to write) and written by
                    // whichever thread is free first: in an edit, this one once the output has changed, while a pool thread
                    // writes the cache. Queued first, they kept that pool thread 0.4 ms from the cache, which this thread
                    // then waited for.
                    stampsWrite = keepsCache ? ParallelWork.Start(() => stamps!.SaveAside(output.CachePath, optionsKey!, inputFingerprint!, path => FoundIn(path, model, fileHashes!, savedStamps))) : null;
                    written = staging.Commit(beforeCommit: () => BuildCache.Delete(output.CachePath));
                }
                finally
                {
                    stampsWrite?.Wait();
                    ((IAsyncResult)cacheWrite).AsyncWaitHandle.WaitOne();
                }

                cacheWrite.GetAwaiter().GetResult();
                _ = stampsWrite?.Result;
                if (buildCache is not null)
                {
                    buildCache.Install(output.CachePath);
                    SourceStamps.Install(output.CachePath);
                    caches.Commit();
                }

                times[BuildStage.Write] = Lap(clock);
            }

            var all = diagnostics.ToSortedList();
            if (options.Strict)
            {
                all = [.. all.Select(d => d with { Severity = DiagnosticSeverity.Error })];
            }

            return new BuildResult
            {
                Diagnostics = all,
                Model = model,
                Files = files,
                FilesWritten = written?.FilesWritten ?? 0,
                FilesKept = written?.FilesKept ?? 0,
                BodiesRendered = model?.BodiesRendered ?? 0,
                PagesRendered = pagesRendered,
                BodiesReused = bodiesReused,
                FrontMattersParsed = model?.DraftsParsed ?? 0,
                FrontMattersReused = frontMattersReused,
                ArticlesUnread = articlesUnread,
                RelatedReused = model?.RelatedReused ?? false,
                SearchUpdatedInPlace = search?.UpdatedInPlace ?? false,
                FingerprintsKept = bodyOnly?.Kept ?? 0,
                CalendarReused = model?.Site.Config.KeptCalendar is not null,
                BytesWritten = written?.BytesWritten ?? 0,
                OutputPath = output.Path,
                StageTimes = times,
                Memo = diagnostics.HasErrors ? null : nextMemo,
            };
        }
        catch (Exception e) when (DamagedCacheException.PathIn(e) is not null)
        {
            // Found before anything is committed (payloads are read to render and to write caches aside): the run that follows
            // finds nothing of this one, no staging folder, no pending cache (whose writing is waited for).
            staging?.Abandon();
            caches.Discard();
            throw;
        }
        finally
        {
            outputCheck?.Wait();
        }
    }

    /// <summary>
    /// Stage 3. An article left unread because it was unchanged is read when the model needs it, from parallel loops, which
    /// throw a failure to read it as itself (see <see cref="ParallelWork"/>).
    /// </summary>
    private static SiteModel? BuildModel(SourceSet sources, BuildOptions options, DiagnosticBag diagnostics, ArticleCaches caches, KnownOutputPaths knownPaths, EarlySiteConfig? earlyConfig, CancellationToken cancellationToken) =>
        sources.SiteConfig is null ? null : SiteBuilder.Build(sources, options, diagnostics, caches, earlyConfig, knownPaths, cancellationToken);

    /// <summary>What this build found in the file at <paramref name="path"/>, for the next build to take if the file is unchanged.</summary>
    private static UnchangedSource? FoundIn(string path, SiteModel model, Dictionary<string, ContentHash> fileHashes, SavedStamps? savedStamps) =>
        !fileHashes.TryGetValue(path, out var hash) ? null
        : model.Splits.TryGetValue(path, out var split) ? new UnchangedSource(hash, split)
        : savedStamps?.Find(path, hash);

    /// <summary>
    /// Until when the output stays what these sources give: the model's next scheduled change, or no later than the build's own
    /// moment when a template reads the time.
    /// </summary>
    private static DateTimeOffset? ValidUntil(SiteModel model, PageTemplateInputs templates) =>
        templates.ReadClock ? SiteBuilder.Earliest(model.ValidUntil, model.BuiltAt.AddTicks(1)) : model.ValidUntil;

    /// <summary>Nothing the build reads changed, no scheduled article fell due, and the output the cache describes is still there.</summary>
    private static bool IsUpToDate(BuildCache cache, string inputFingerprint, OutputFolder output, BuildOptions options) =>
        cache.InputFingerprint == inputFingerprint
        && (cache.ValidUntil is null || options.Clock.GetUtcNow() < cache.ValidUntil)
        && OutputFolder.HasMarker(output.Path);

    private static TimeSpan Lap(Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        clock.Restart();
        return elapsed;
    }
}
