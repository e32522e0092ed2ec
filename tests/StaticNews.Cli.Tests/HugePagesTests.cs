using StaticNews.Cli.Commands;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>The build process asks Linux for huge pages for its managed heap when told to, and only then.</summary>
public sealed class HugePagesTests
{
    private static readonly string[] Maps =
    [
        "00400000-01c00000 r-xp 00000000 00:21 1234                               /opt/staticnews/StaticNews.Cli",
        "7f0000000000-7f0000400000 ---p 00000000 00:00 0 ",
        "7f0000400000-7f0000c00000 rw-p 00000000 00:00 0 ",
        "7f0000c00000-7f4000000000 ---p 00000000 00:00 0",
        "7f4000000000-7f4000021000 rw-p 00000000 00:21 99                         /usr/lib/x86_64-linux-gnu/libicuuc.so.72",
        "7f4000021000-7f4000100000 rw-p 00000000 00:00 0 ",
        "7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                          [stack]",
    ];

    [Fact]
    public void The_reservation_is_the_run_of_anonymous_mappings_around_the_heap_and_ends_at_a_file_or_a_gap()
    {
        Assert.Equal((0x7f0000000000UL, 0x7f4000000000UL), HugePages.ReservationAround(0x7f0000500000, Maps));
        Assert.Equal((0x7f4000021000UL, 0x7f4000100000UL), HugePages.ReservationAround(0x7f4000030000, Maps));
    }

    [Fact]
    public void An_address_in_a_file_a_named_mapping_or_no_mapping_has_no_reservation()
    {
        Assert.Null(HugePages.ReservationAround(0x00500000, Maps));
        Assert.Null(HugePages.ReservationAround(0x7ffc00001000, Maps));
        Assert.Null(HugePages.ReservationAround(0x7f5000000000, Maps));
    }

    [Fact]
    public async Task A_build_process_advises_huge_pages_on_Linux_only_when_told_to()
    {
        using var site = GeneratedNewsroom.Create(20);
        var output = Path.Combine(site.Parent, "out");

        var (exitCode, byDefault, error) = await ChildBuild.RunAsync(new Dictionary<string, string>(), "build", site.Root, "--output", output, "--verbose", "--force");
        Assert.True(exitCode == 0, error);
        (exitCode, var optedIn, error) = await ChildBuild.RunAsync(new Dictionary<string, string> { [HugePages.OptInVariable] = "1" }, "build", site.Root, "--output", output, "--verbose", "--force");
        Assert.True(exitCode == 0, error);

        Assert.DoesNotContain("huge pages", byDefault, StringComparison.Ordinal);
        Assert.Equal(OperatingSystem.IsLinux(), optedIn.Contains("huge pages advised", StringComparison.Ordinal));
    }
}
