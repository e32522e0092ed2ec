using StaticNews.Incremental;

namespace StaticNews.Output;

/// <summary>
/// The output folder's check before a build writes: whatever an interrupted earlier build left half done is completed, then
/// <see cref="OutputGuard"/> says why the folder may not be written, or nothing. It runs on a pool thread from the moment
/// the build knows it may write, so walking a large output's files (a fifth of a second at 10,000 articles when every
/// folder must be read) overlaps building the model, fingerprinting the pages and making the feeds; the build waits for it
/// when it opens the output (<see cref="PreviousOutput.Settle"/>), and before it returns, whatever its outcome.
/// </summary>
internal sealed class OutputCheck
{
    private readonly Task<(string? Problem, OutputSurvey? Survey, byte[] FolderRecord)> _result;

    /// <summary>Completed when the build first waits for the check; made only for <see cref="Start"/>'s test hook.</summary>
    private readonly TaskCompletionSource? _waitedFor;

    private OutputCheck(Task<(string? Problem, OutputSurvey? Survey, byte[] FolderRecord)> result, TaskCompletionSource? waitedFor = null)
    {
        _result = result;
        _waitedFor = waitedFor;
    }

    /// <summary>
    /// Starts the check on a pool thread; <paramref name="folderRecord"/> is the last build's <see cref="FolderRecord"/>, whose
    /// folders still carrying their recorded time are not read again. <paramref name="beforeWalk"/> is a test hook run there
    /// first, given a task that completes when the build first waits for the check: a test holds the check with it until
    /// everything that need not wait for it has run (see <see cref="PreviousOutput.Has"/>).
    /// </summary>
    public static OutputCheck Start(string sourceRoot, OutputFolder output, byte[]? folderRecord = null, KnownOutputPaths? knownPaths = null, Action<Task>? beforeWalk = null)
    {
        var waitedFor = beforeWalk is null ? null : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return new(
            Task.Run(() =>
            {
                beforeWalk?.Invoke(waitedFor!.Task);
                return Run(sourceRoot, output, folderRecord, knownPaths);
            }),
            waitedFor);
    }

    /// <summary>Runs the check on the calling thread.</summary>
    public static OutputCheck Now(string sourceRoot, OutputFolder output) => new(Task.FromResult(Run(sourceRoot, output, folderRecord: null, knownPaths: null)));

    /// <summary>Whether the check has ended: its results are then had without waiting.</summary>
    public bool HasEnded => _result.IsCompleted;

    /// <summary>Why the output folder may not be written, or null. Waits for the check; its exceptions surface here.</summary>
    public string? Problem => Result.Problem;

    /// <summary>
    /// The files the output's marker lists that the check found gone, or null when it did not walk the output (no marker, an
    /// older marker without a list, or a problem found first). Waits for the check.
    /// </summary>
    public IReadOnlySet<string>? MissingFiles => Result.Survey?.Missing;

    /// <summary>The files the output's marker lists, as the check read them; null when it did not walk the output. Waits for the check.</summary>
    public IReadOnlyList<string>? ListedFiles => Result.Survey?.Listed;

    /// <summary>
    /// The times of the output's folders the check's walk found (<see cref="OutputSurvey.FolderTimes"/>) encoded for the build
    /// cache, for the next build's check; empty when it did not walk the output. Waits for the check.
    /// </summary>
    public byte[] FolderRecord => Result.FolderRecord;

    private static (string? Problem, OutputSurvey? Survey, byte[] FolderRecord) Run(string sourceRoot, OutputFolder output, byte[]? folderRecord, KnownOutputPaths? knownPaths)
    {
        OutputWriter.RecoverInterruptedSwap(output);
        OutputPatch.CompleteInterrupted(output);
        var problem = OutputGuard.Check(sourceRoot, output, out var survey, folderRecord, knownPaths);
        return (problem, survey, survey is null ? [] : OutputFolderRecord.Encode(survey));
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a pool thread once the check has ended and found the output writable; when it found a
    /// problem, or failed (<see cref="Problem"/> says which), the task ends without running it.
    /// </summary>
    public Task WhenWritable(Action write) =>
        _result.ContinueWith(
            check =>
            {
                if (check.IsCompletedSuccessfully && check.Result.Problem is null)
                {
                    write();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);

    /// <summary>Waits for the check to finish, so nothing touches the output after the build returns; its exceptions are left to <see cref="Problem"/>.</summary>
    public void Wait()
    {
        _waitedFor?.TrySetResult();
        ((IAsyncResult)_result).AsyncWaitHandle.WaitOne();
    }

    private (string? Problem, OutputSurvey? Survey, byte[] FolderRecord) Result
    {
        get
        {
            _waitedFor?.TrySetResult();
            return _result.GetAwaiter().GetResult();
        }
    }
}
