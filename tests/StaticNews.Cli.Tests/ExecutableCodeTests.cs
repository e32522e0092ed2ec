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

    [Fact]
    public void The_build_id_read_from_memory_is_the_one_the_executable_file_carries()
    {
        var buildId = ExecutableCode.BuildId();
        Assert.Equal(OperatingSystem.IsLinux() && Environment.Is64BitProcess, buildId is not null);
        if (buildId is null)
        {
            return;
        }

        // The note as the file holds it: name and description lengths, its type (3), "GNU" and the ID's bytes.
        var id = Convert.FromHexString(buildId);
        byte[] note = [.. BitConverter.GetBytes(4), .. BitConverter.GetBytes(id.Length), .. BitConverter.GetBytes(3), .. "GNU\0"u8, .. id];
        Assert.InRange(id.Length, 8, 64);
        Assert.True(File.ReadAllBytes("/proc/self/exe").AsSpan().IndexOf(note) >= 0);
    }

    [Fact]
    public void The_build_id_is_found_after_other_notes_and_not_in_a_truncated_one()
    {
        byte[] property = [.. BitConverter.GetBytes(4), .. BitConverter.GetBytes(16), .. BitConverter.GetBytes(5), .. "GNU\0"u8, .. new byte[16]];
        byte[] vendor = [.. BitConverter.GetBytes(5), .. BitConverter.GetBytes(4), .. BitConverter.GetBytes(3), .. "Go\0\0\0\0\0\0"u8, 1, 2, 3, 4];
        byte[] buildId = [.. BitConverter.GetBytes(4), .. BitConverter.GetBytes(5), .. BitConverter.GetBytes(3), .. "GNU\0"u8, 0xAB, 0xCD, 0xEF, 0x01, 0x23, 0, 0, 0];

        Assert.Equal("abcdef0123", ExecutableCode.GnuBuildIdIn([.. property, .. vendor, .. buildId], alignment: 4));
        Assert.Null(ExecutableCode.GnuBuildIdIn([.. property, .. vendor], alignment: 4));
        Assert.Null(ExecutableCode.GnuBuildIdIn([.. property, .. buildId[..^4]], alignment: 4));
    }

    [Fact]
    public void Only_the_tool_with_ICU_linked_in_identifies_its_culture_data()
    {
        // The tests run JIT-compiled, with the system's ICU, which an upgrade may change between two builds.
        Assert.False(AppContext.TryGetSwitch(IcuVersionPin.LinkedInSwitch, out var linkedIn) && linkedIn);
        Assert.Null(CultureDataIdentity.Current());
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
