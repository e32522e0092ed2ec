namespace StaticNews.Output;

/// <summary>
/// The output folder's check before a build writes: whatever an interrupted earlier build left half done is completed, then
/// <see cref="OutputGuard"/> says why the folder may not be written, or nothing. It runs on a pool thread from the moment
/// the build knows it may write, so walking a large output's files (a fifth of a second at 10,000 articles) overlaps
/// building the model; the build waits for it before it writes, and before it returns, whatever its outcome.
/// </summary>
internal sealed class OutputCheck
{
    private readonly Task<(string? Problem, OutputSurvey? Survey)> _result;

    private OutputCheck(Task<(string? Problem, OutputSurvey? Survey)> result)
    {
        _result = result;
    }

    /// <summary>Starts the check on a pool thread; <paramref name="recordedFolderTimes"/> are those the last build's check found.</summary>
    public static OutputCheck Start(string sourceRoot, OutputFolder output, IReadOnlyDictionary<string, long>? recordedFolderTimes = null) =>
        new(Task.Run(() => Run(sourceRoot, output, recordedFolderTimes)));

    /// <summary>Runs the check on the calling thread.</summary>
    public static OutputCheck Now(string sourceRoot, OutputFolder output) => new(Task.FromResult(Run(sourceRoot, output, recordedFolderTimes: null)));

    /// <summary>Why the output folder may not be written, or null. Waits for the check; its exceptions surface here.</summary>
    public string? Problem => _result.GetAwaiter().GetResult().Problem;

    /// <summary>
    /// The files the output's marker lists that the check found gone, or null when it did not walk the output (no marker, an
    /// older marker without a list, or a problem found first). Waits for the check.
    /// </summary>
    public IReadOnlySet<string>? MissingFiles => _result.GetAwaiter().GetResult().Survey?.Missing;

    /// <summary>
    /// The times of the output's folders the check's walk found (see <see cref="OutputSurvey.FolderTimes"/>), for the next
    /// build's check; empty when it did not walk the output. Waits for the check.
    /// </summary>
    public IReadOnlyDictionary<string, long> FolderTimes => _result.GetAwaiter().GetResult().Survey?.FolderTimes ?? new Dictionary<string, long>();

    private static (string? Problem, OutputSurvey? Survey) Run(string sourceRoot, OutputFolder output, IReadOnlyDictionary<string, long>? recordedFolderTimes)
    {
        OutputWriter.RecoverInterruptedSwap(output);
        OutputPatch.CompleteInterrupted(output);
        var problem = OutputGuard.Check(sourceRoot, output, out var survey, recordedFolderTimes);
        return (problem, survey);
    }

    /// <summary>Waits for the check to finish, so nothing touches the output after the build returns; its exceptions are left to <see cref="Problem"/>.</summary>
    public void Wait() => ((IAsyncResult)_result).AsyncWaitHandle.WaitOne();
}
