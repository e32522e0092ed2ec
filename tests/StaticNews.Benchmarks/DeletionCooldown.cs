using System.Globalization;

namespace StaticNews.Benchmarks;

/// <summary>
/// Keeps the measurements clear of the benchmark's own deletions. On ext4 without a journal (this machine's disk), creating a
/// file skips every free inode deleted in the last minute, or in the last six when its inode table block is dirty, which
/// creating files beside it makes it: a cold build at 10,000 articles started a minute after deleting a previous output spent
/// 20 to 25 s in the kernel instead of 3.5 s (<c>perf</c>: <c>recently_deleted</c> and <c>find_get_block_common</c>, half of
/// the samples). The time of the last deletion is kept in the work folder, and measuring waits until it is that long ago, so
/// a run started right after another does not pay for the other's clean-up.
/// </summary>
internal sealed class DeletionCooldown(string workRoot, TextWriter output)
{
    /// <summary>Six minutes (the kernel's window for an inode whose table block is dirty) and a margin.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(390);

    private string StampPath => Path.Combine(workRoot, "last-deletion.txt");

    /// <summary>Notes that files were just deleted under the work folder (after they are written back with <c>sync</c>).</summary>
    public void Record()
    {
        TimedProcess.FlushDirtyPages();
        Directory.CreateDirectory(workRoot);
        File.WriteAllText(StampPath, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>Waits until the last recorded deletion is older than <see cref="Window"/>, saying so when it waits.</summary>
    public void WaitOut()
    {
        if (!File.Exists(StampPath)
            || !DateTimeOffset.TryParse(File.ReadAllText(StampPath), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var deleted))
        {
            return;
        }

        var remaining = deleted + Window - DateTimeOffset.UtcNow;
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Waiting {remaining.TotalSeconds:F0} s before measuring: outputs were deleted under {workRoot} at {deleted:HH:mm:ss} UTC, and files created within six minutes of that cost several times the kernel time (see {nameof(DeletionCooldown)})."));
        Thread.Sleep(remaining);
    }
}
