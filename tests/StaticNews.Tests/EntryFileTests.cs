using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using StaticNews.Incremental;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The cache file format under every cache: large files are mapped into memory (where supported), small ones read.</summary>
public sealed class EntryFileTests
{
    private const string Magic = "entry file test";

    /// <summary>Entries of 2 to 42 KiB, 3 MiB in all: more than the size from which a file is mapped.</summary>
    private static Dictionary<string, byte[]> LargeEntries() =>
        Enumerable.Range(0, 150).ToDictionary(
            i => "entry-" + i,
            i => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"<p>Paragraph of entry {i}.</p>", 100 + (i % 20) * 100))),
            StringComparer.Ordinal);

    /// <summary>Where a test's cache file goes in <paramref name="folder"/> (created).</summary>
    private static string PathIn(TempFolder folder, string name)
    {
        Directory.CreateDirectory(folder.Path);
        return Path.Combine(folder.Path, name);
    }

    private static void Save(string path, Dictionary<string, byte[]> entries, string context = "context") =>
        EntryFile.Save(path, Magic, 1, context, entries.Keys.Order(StringComparer.Ordinal).ToList(), key => key, (writer, key) => writer.Write(entries[key]), () => Encoding.UTF8.GetBytes("shared preamble"));

    [Theory]
    [InlineData(150)]
    [InlineData(3)]
    public void What_is_saved_is_what_is_loaded_whether_mapped_or_read(int count)
    {
        using var folder = new TempFolder();
        var path = PathIn(folder, "entries.bin");
        var entries = LargeEntries().Take(count).ToDictionary(StringComparer.Ordinal);
        Save(path, entries);

        var loaded = EntryFile.Load(path, Magic, 1, "context");

        Assert.Equal(entries.Count, loaded.Count);
        foreach (var (key, bytes) in entries)
        {
            Assert.True(loaded.TryGet(key, out var entry));
            Assert.Equal(bytes, entry.ToArray());
        }

        Assert.Equal("shared preamble", Encoding.UTF8.GetString(loaded.Preamble.Span));
        Assert.Equal(count == 150, new FileInfo(path).Length >= 1 << 20);
    }

    [Fact]
    public void A_damaged_file_or_one_written_for_other_settings_loads_empty()
    {
        using var folder = new TempFolder();
        var damaged = PathIn(folder, "damaged.bin");
        Save(damaged, LargeEntries());
        var bytes = File.ReadAllBytes(damaged);
        bytes[bytes.Length / 3] ^= 0x01;
        File.WriteAllBytes(damaged, bytes);
        var other = PathIn(folder, "other.bin");
        Save(other, LargeEntries(), context: "other settings");

        Assert.Equal(0, EntryFile.Load(damaged, Magic, 1, "context").Count);
        Assert.Equal(0, EntryFile.Load(other, Magic, 1, "context").Count);
        Assert.Equal(0, EntryFile.Load(Path.Combine(folder.Path, "missing.bin"), Magic, 1, "context").Count);
    }

    [Fact]
    public void Entries_stay_readable_after_their_file_is_replaced()
    {
        // A build replaces the cache files while the model still shows bodies taken from the previous ones.
        using var folder = new TempFolder();
        var path = PathIn(folder, "entries.bin");
        var entries = LargeEntries();
        Save(path, entries);
        var loaded = EntryFile.Load(path, Magic, 1, "context");
        Assert.True(loaded.TryGet("entry-42", out var entry));

        Save(path, entries.ToDictionary(e => e.Key, e => Encoding.UTF8.GetBytes("replaced"), StringComparer.Ordinal));
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(entries["entry-42"], entry.ToArray());
        Assert.True(EntryFile.Load(path, Magic, 1, "context").TryGet("entry-42", out var replaced));
        Assert.Equal("replaced", Encoding.UTF8.GetString(replaced.Span));
    }

    [Fact]
    public void A_held_entry_keeps_its_file_mapped_when_nothing_else_reaches_it()
    {
        // Readers decode an entry through a span, which does not keep the mapping reachable: a collection meanwhile would
        // unmap the file under it (an access violation, seen in an incremental build) unless the entry is held.
        using var folder = new TempFolder();
        var path = PathIn(folder, "entries.bin");
        Save(path, LargeEntries());

        var mapping = HeldEntry(path, "entry-7", out var held);
        CollectAll();
        Assert.True(mapping.IsAlive, "the mapping went while its entry was held");

        held.Dispose();
        CollectAll();
        Assert.False(mapping.IsAlive, "the mapping outlived every use of it");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference HeldEntry(string path, string key, out MemoryHandle held)
    {
        Assert.True(EntryFile.Load(path, Magic, 1, "context").TryGet(key, out var entry));
        Assert.True(MemoryMarshal.TryGetMemoryManager(entry, out MemoryManager<byte>? mapping), "a file this large is mapped");
        held = EntryFile.Hold(entry);
        return new WeakReference(mapping);
    }

    private static void CollectAll()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
