using System.Globalization;
using System.Text.Json;
using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The address range the collector reserves in a real build process: the CLI's runtime settings narrow it from 256 GiB to
/// 64 GiB, which every start pays for (the collector clears a map of the range). A build is slowed by the test hook so its
/// memory can be read while it runs.
/// </summary>
public sealed class CollectorReservationTests : IDisposable
{
    private const long SixtyFourGiB = 64L << 30;

    private static readonly Dictionary<string, string> SlowWrites = new() { ["STATICNEWS_TEST_WRITE_DELAY_MS"] = "40" };

    private readonly string _parent = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));

    private string Output => Path.Combine(_parent, "public");

    public void Dispose()
    {
        if (Directory.Exists(_parent))
        {
            Directory.Delete(_parent, recursive: true);
        }
    }

    [Fact]
    public void The_runtime_settings_reserve_sixty_four_gibibytes_for_the_collector()
    {
        var settings = Path.Combine(AppContext.BaseDirectory, "StaticNews.Cli.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(settings));
        var range = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.RegionRange");

        Assert.Equal(SixtyFourGiB, long.Parse(range.ToString(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_build_process_reserves_no_range_larger_than_sixty_four_gibibytes()
    {
        Assert.True(OperatingSystem.IsLinux(), "The process's mappings are read from /proc: run this test on Linux.");
        using var child = ChildBuild.Start(SlowWrites, "build", Path.Combine(TestSites.RepositoryRoot, "site"), "--output", Output, "--force");
        var staging = new OutputFolder(Output).StagingPath;
        await child.WaitUntilAsync(() => Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Any(), "the build writes into staging", TimeSpan.FromMinutes(2));

        var largest = LargestReservation(File.ReadAllLines($"/proc/{child.Id.ToString(CultureInfo.InvariantCulture)}/maps"));

        // Left to the runtime, the collector reserves 256 GiB (or twice the machine's memory): that mapping is the largest by far.
        Assert.InRange(largest, 16L << 30, SixtyFourGiB);
    }

    /// <summary>The largest anonymous mapping (no file, no name) among <paramref name="maps"/>' lines, in bytes.</summary>
    private static long LargestReservation(IEnumerable<string> maps)
    {
        var largest = 0L;
        foreach (var line in maps)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length <= 5)
            {
                var bounds = fields[0].Split('-');
                var length = ulong.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) - ulong.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                largest = Math.Max(largest, (long)length);
            }
        }

        return largest;
    }
}
