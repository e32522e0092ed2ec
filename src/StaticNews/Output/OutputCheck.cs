using StaticNews.Incremental;

namespace StaticNews.Output;

/// <summary>
/// The output folder's check before a build writes: whatever an interrupted earlier build left half done is completed, then
/// <see cref="OutputGuard"/> says why the folder may not be written, or nothing. It runs on a pool thread from the moment
/// the build knows it may write, so walking a large output's files (a fifth of a second at 10,000 articles when every
/// folder must be read) overlaps building the model; the build waits for it before it writes, and before it returns,
/// whatever its outcome.
/// </summary>
internal sealed class OutputCheck
{
    private readonly Task<(string? Problem, OutputSurvey? Survey, byte[] FolderRecord)> _result;

    private OutputCheck(Task<(string? Problem, OutputSurvey? Survey, byte[] FolderRecord)> result)
    {
        _result = result;
    }

    /// <summary>
    /// Starts the check on a pool thread; <paramref name="folderRecord"/> is the last build's <see cref="FolderRecord"/>, whose
    /// folders still carrying their recorded time are not read again.
    /// </summary>
    public static OutputCheck Start(string sourceRoot, OutputFolder output, byte[]? folderRecord = null, KnownOutputPaths? knownPaths = null) =>
        new(Task.Run(() => Run(sourceRoot, output, folderRecord, knownPaths)));

    /// <summary>Runs the check on the calling thread.</summary>
    public static OutputCheck Now(string sourceRoot, OutputFolder output) => new(Task.FromResult(Run(sourceRoot, output, folderRecord: null, knownPaths: null)));

    /// <summary>Why the output folder may not be written, or null. Waits for the check; its exceptions surface here.</summary>
    public string? Problem => _result.GetAwaiter().GetResult().Problem;

    /// <summary>
    /// The files the output's marker lists that the check found gone, or null when it did not walk the output (no marker, an
    /// older marker without a list, or a problem found first). Waits for the check.
    /// </summary>
    public IReadOnlySet<string>? MissingFiles => _result.GetAwaiter().GetResult().Survey?.Missing;

    /// <summary>The files the output's marker lists, as the check read them; null when it did not walk the output. Waits for the check.</summary>
    public IReadOnlyList<string>? ListedFiles => _result.GetAwaiter().GetResult().Survey?.Listed;

    /// <summary>
    /// The times of the output's folders the check's walk found (<see cref="OutputSurvey.FolderTimes"/>) encoded for the build
    /// cache, for the next build's check; empty when it did not walk the output. Waits for the check.
    /// </summary>
    public byte[] FolderRecord => _result.GetAwaiter().GetResult().FolderRecord;

    private static (string? Problem, OutputSurvey? Survey, byte[] FolderRecord) Run(string sourceRoot, OutputFolder output, byte[]? folderRecord, KnownOutputPaths? knownPaths)
    {
        OutputWriter.RecoverInterruptedSwap(output);
        OutputPatch.CompleteInterrupted(output);
        var problem = OutputGuard.Check(sourceRoot, output, out var survey, folderRecord, knownPaths);
        return (problem, survey, survey is null ? [] : OutputFolderRecord.Encode(survey));
    }

    /// <summary>Waits for the check to finish, so nothing touches the output after the build returns; its exceptions are left to <see cref="Problem"/>.</summary>
    public void Wait() => ((IAsyncResult)_result).AsyncWaitHandle.WaitOne();
}
