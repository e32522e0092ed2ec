using System.Runtime.InteropServices;
using StaticNews.Cli.Commands;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary>
/// A build that holds the collector off asks Linux for huge pages for its managed heap when a fault on a fresh small page is
/// costly on the machine, or when told to; a cold build never does.
/// </summary>
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

    [Theory]
    [InlineData(0.4, false)]
    [InlineData(2.7, false)]
    [InlineData(9.0, true)]
    [InlineData(20.0, true)]
    public void Left_to_the_machine_huge_pages_are_wanted_where_a_small_page_fault_is_costly(double microseconds, bool wanted)
    {
        var choice = HugePages.Choose(null, () => TimeSpan.FromMicroseconds(microseconds));

        Assert.Equal(wanted, choice.Wanted);
        Assert.Equal(TimeSpan.FromMicroseconds(microseconds), choice.SmallPageFirstWrite);
    }

    [Fact]
    public void The_variable_decides_without_measuring_and_an_unmeasurable_machine_keeps_small_pages()
    {
        static TimeSpan? NotToBeCalled() => throw new InvalidOperationException("measured although the variable decided");

        Assert.True(HugePages.Choose("1", NotToBeCalled).Wanted);
        Assert.False(HugePages.Choose("0", NotToBeCalled).Wanted);
        Assert.False(HugePages.Choose(null, () => null).Wanted);
        Assert.False(HugePages.Choose("yes", () => TimeSpan.FromMicroseconds(1)).Wanted);
    }

    [Fact]
    public void A_small_page_first_write_is_measured_on_Linux()
    {
        var cost = HugePages.SmallPageFirstWrite();

        Assert.Equal(OperatingSystem.IsLinux(), cost is not null);
        Assert.True(cost is null || (cost > TimeSpan.Zero && cost < TimeSpan.FromMilliseconds(10)), $"measured {cost}");
    }

    [Fact]
    public void Advising_marks_the_heap_for_huge_pages_and_withdrawing_marks_it_for_small_ones()
    {
        var advice = HugePages.Apply(new HugePageAdvice(Wanted: true, SmallPageFirstWrite: null));
        Assert.Equal(OperatingSystem.IsLinux(), advice.Advised);
        if (!advice.Advised)
        {
            return;
        }

        Assert.Contains("hg", HeapMappingFlags());
        _ = advice.Withdrawn();
        var flags = HeapMappingFlags();
        Assert.Contains("nh", flags);
        Assert.DoesNotContain("hg", flags);
    }

    [Fact]
    public async Task Only_a_build_that_holds_the_collector_off_asks_and_the_variable_overrides_the_measure()
    {
        using var site = GeneratedNewsroom.Create(20);
        var output = Path.Combine(site.Parent, "out");
        var told = new Dictionary<string, string> { [HugePages.Variable] = "1" };

        var article = Path.Combine(site.Root, "articles", "story-00003.md");
        async Task<string> BuildAsync(Dictionary<string, string> environment, params string[] options)
        {
            File.AppendAllText(article, "\nOne more paragraph.\n");
            var (exitCode, printed, error) = await ChildBuild.RunAsync(environment, ["build", site.Root, "--output", output, "--verbose", .. options]);
            Assert.True(exitCode == 0, error);
            return printed;
        }

        var cold = await BuildAsync(told);
        var forced = await BuildAsync(told, "--force");
        // A forced build keeps no build cache: the next build does all the work again, and withdraws the advice.
        var afterForced = await BuildAsync(told);
        var incremental = await BuildAsync(told);
        var refused = await BuildAsync(new Dictionary<string, string> { [HugePages.Variable] = "0" });
        var measured = await BuildAsync([]);

        Assert.DoesNotContain("huge pages", cold + forced + afterForced + refused, StringComparison.Ordinal);
        Assert.DoesNotContain("small pages", cold + forced + afterForced + refused, StringComparison.Ordinal);
        Assert.Equal(OperatingSystem.IsLinux(), incremental.Contains($"huge pages advised ({HugePages.Variable}=1)", StringComparison.Ordinal));
        Assert.Equal(OperatingSystem.IsLinux(), measured.Contains("a fresh small page's first write takes", StringComparison.Ordinal));
    }

    /// <summary>The kernel's flags (<c>VmFlags</c> of <c>/proc/self/smaps</c>) for the mapping that holds a new object.</summary>
    private static string[] HeapMappingFlags()
    {
        var address = (ulong)Marshal.UnsafeAddrOfPinnedArrayElement(GC.AllocateArray<byte>(64, pinned: true), 0);
        return ProcessMappings.Field((start, end, _) => start <= address && address < end, "VmFlags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
