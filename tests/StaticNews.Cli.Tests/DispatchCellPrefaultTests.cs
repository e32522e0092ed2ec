using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticNews.Cli.Tests;

/// <summary>
/// The constructor the natively compiled tool carries on Linux with glibc (src/StaticNews.Cli/Native/prefault-dispatch-cells.c)
/// copies the pages of the executable's interface dispatch cells before anything runs, so the cells' first writes take no
/// page fault. Compiled here, as the publish does, into a probe that lays out cells as .NET's compiler does and counts the
/// faults its writes take (Native/dispatch-cells-probe.c; see NativeProbe).
/// </summary>
public sealed partial class DispatchCellPrefaultTests : IDisposable
{
    private const string Probe = "tests/StaticNews.Cli.Tests/Native/dispatch-cells-probe.c";
    private const string Constructor = "src/StaticNews.Cli/Native/prefault-dispatch-cells.c";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "staticnews-tests", Guid.NewGuid().ToString("N"));

    public DispatchCellPrefaultTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void With_the_constructor_writing_the_cells_takes_no_page_fault()
    {
        var (cells, _) = Faults(NativeProbe.Compile(Path.Combine(_folder, "with-constructor"), [Probe, Constructor]));

        Assert.Equal(0, cells);
    }

    [Fact]
    public void Where_the_kernel_cannot_populate_pages_the_constructor_writes_each_page_of_the_cells()
    {
        var (cells, after) = Faults(NativeProbe.Compile(Path.Combine(_folder, "writing"), [Probe, Constructor], "-DSTATICNEWS_PREFAULT_BY_WRITING"));

        Assert.Equal(0, cells);
        Assert.True(after > 0, "Writing, too, the constructor should copy the cells' pages only.");
    }

    [Fact]
    public void Without_the_constructor_each_page_of_the_cells_faults_at_its_first_write()
    {
        var (cells, _) = Faults(NativeProbe.Compile(Path.Combine(_folder, "without-constructor"), [Probe]));

        Assert.True(cells > 0, "The probe should see the cells' pages fault when nothing copied them first: without that, it could not tell the constructor's effect.");
    }

    [Fact]
    public void The_constructor_stops_where_the_cells_do()
    {
        var (_, after) = Faults(NativeProbe.Compile(Path.Combine(_folder, "with-constructor"), [Probe, Constructor]));

        Assert.True(after > 0, "The pages past the cells should be left as they were: the constructor copies the cells' pages only.");
    }

    [Fact]
    public void An_executable_without_cells_runs_as_before()
    {
        var program = NativeProbe.Compile(Path.Combine(_folder, "without-cells"), [Probe, Constructor], "-DWITHOUT_CELLS");

        var (exitCode, text) = NativeProbe.Run(program, [], _ => { });

        Assert.Equal((0, "ran"), (exitCode, text.Trim()));
    }

    private static (int Cells, int After) Faults(string probe)
    {
        var (exitCode, text) = NativeProbe.Run(probe, [], _ => { });
        Assert.True(exitCode == 0, $"The probe failed (exit {exitCode}):\n{text}");
        var match = ProbeReport().Match(text);
        Assert.True(match.Success, $"The probe printed no report:\n{text}");
        return (int.Parse(match.Groups["cells"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["after"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^cells=(?<cells>\d+) after=(?<after>\d+)$", RegexOptions.Multiline)]
    private static partial Regex ProbeReport();
}
