using System.Globalization;

namespace StaticNews.Cli.Tests;

/// <summary>The natively compiled tool maps its code in one call at start; the segment it maps is found from the program headers the kernel handed the process.</summary>
public sealed class ExecutableCodeTests
{
    [Fact]
    public void The_code_segment_found_holds_the_executables_entry_point_and_is_mapped_executable()
    {
        var segment = ExecutableCode.CodeSegment();
        var onLinux = OperatingSystem.IsLinux() && Environment.Is64BitProcess;
        Assert.Equal(onLinux, segment is not null);
        if (segment is not var (start, length))
        {
            return;
        }

        // This test runs in the JIT-compiled host, a position-independent executable: the load bias is not zero here.
        Assert.Equal(0, start % 4096);
        Assert.Equal(0, length % 4096);
        Assert.InRange(ExecutableCode.EntryPoint, start, start + length - 1);
        Assert.Contains(File.ReadLines("/proc/self/maps"), line => IsExecutableMappingHolding(line, start));
    }

    private static bool IsExecutableMappingHolding(string mapsLine, long address)
    {
        var fields = mapsLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var bounds = fields[0].Split('-');
        var from = long.Parse(bounds[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var to = long.Parse(bounds[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return fields[1].Contains('x', StringComparison.Ordinal) && address >= from && address < to;
    }
}
