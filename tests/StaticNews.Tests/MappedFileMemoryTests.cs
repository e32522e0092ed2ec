using System.Globalization;
using StaticNews.Incremental;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>A cache file mapped into memory is read as the file's bytes; the part about to be read whole is mapped at once where Linux can, the rest as it is read.</summary>
public sealed class MappedFileMemoryTests
{
    [Fact]
    public void A_mapped_file_reads_as_its_bytes_and_on_Linux_the_part_populated_is_mapped_before_it_is_read()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, "cache.bin");
        var bytes = new byte[1 << 20];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var memory = MappedFileMemory.Map(path);
        // Measured before the bytes are compared, which reads every page.
        var residentAtFirst = OperatingSystem.IsLinux() ? ResidentKiBOfMappingOf(path) : 0;
        MappedFileMemory.Populate(memory[(bytes.Length / 2)..]);
        var residentOnceHalfPopulated = OperatingSystem.IsLinux() ? ResidentKiBOfMappingOf(path) : 0;

        Assert.True(memory.Span.SequenceEqual(bytes));
        if (OperatingSystem.IsLinux())
        {
            Assert.True(residentAtFirst < 64, $"{residentAtFirst} KiB of the 1024 KiB mapping resident before anything was read or populated");
            // At least the half populated: the kernel may map more (a large folio of the file's page cache is mapped whole).
            Assert.True(residentOnceHalfPopulated >= 512, $"{residentOnceHalfPopulated} KiB resident once the second half was populated");
        }
    }

    /// <summary>The <c>Rss</c> of the mapping of the file at <paramref name="path"/>, in KiB.</summary>
    private static long ResidentKiBOfMappingOf(string path) =>
        long.Parse(ProcessMappings.Field((_, _, header) => header.EndsWith(" " + path, StringComparison.Ordinal), "Rss").Split(' ')[0], CultureInfo.InvariantCulture);
}
