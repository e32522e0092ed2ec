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
    [InlineData(150, false)]
    [InlineData(3, false)]
    [InlineData(150, true)]
    [InlineData(3, true)]
    public void What_is_saved_is_what_is_loaded_whether_mapped_or_read_with_payloads_or_without(int count, bool payloads)
    {
        using var folder = new TempFolder();
        var path = PathIn(folder, "entries.bin");
        var entries = LargeEntries().Take(count).ToDictionary(StringComparer.Ordinal);
        if (payloads)
        {
            SaveWithPayloads(path, entries);
        }
        else
        {
            Save(path, entries);
        }

        var loaded = EntryFile.Load(path, Magic, 1, "context");

        Assert.Equal(entries.Count, loaded.Count);
        foreach (var (key, bytes) in entries)
        {
            Assert.True(loaded.TryGet(key, out var entry, out var payload));
            if (payloads)
            {
                Assert.Equal("entry of " + key, new BinaryReader(new MemoryStream(entry.ToArray())).ReadString());
                Assert.Equal(bytes, payload.Checked.ToArray());
            }
            else
            {
                Assert.Equal(bytes, entry.ToArray());
                Assert.True(payload.Checked.IsEmpty);
            }
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

    /// <summary>Each of <paramref name="payloads"/> saved as the payload of a short entry naming it.</summary>
    private static void SaveWithPayloads(string path, Dictionary<string, byte[]> payloads) =>
        EntryFile.Save(path, Magic, 1, "context", payloads.Keys.Order(StringComparer.Ordinal).ToList(), key => key, (writer, key) =>
        {
            writer.Entry.Write("entry of " + key);
            writer.Payload.Write(payloads[key]);
        }, () => Encoding.UTF8.GetBytes("shared preamble"), payloads: true);

    [Fact]
    public void A_damaged_payload_of_a_mapped_file_shows_only_when_it_is_read_and_then_as_damage()
    {
        using var folder = new TempFolder();
        var (path, payloads) = FileWithOnePayloadDamaged(folder);

        var loaded = EntryFile.Load(path, Magic, 1, "context");

        Assert.Equal(payloads.Count, loaded.Count);
        Assert.True(loaded.TryGet("entry-41", out _, out var intact));
        Assert.Equal(payloads["entry-41"], intact.Checked.ToArray());
        Assert.True(loaded.TryGet("entry-42", out _, out var damaged));
        var checkedPayload = damaged.Checked;
        Assert.False(damaged.IsIntact);
        var thrown = Assert.Throws<DamagedCacheException>(() => checkedPayload.Span.Length);
        Assert.Equal(path, thrown.Path);
        Assert.Equal(path, DamagedCacheException.PathIn(new AggregateException(new InvalidOperationException("other"), thrown)));
    }

    [Fact]
    public void A_damaged_payload_of_a_small_file_or_damage_outside_the_payloads_loads_empty()
    {
        using var folder = new TempFolder();
        var small = PathIn(folder, "small.bin");
        var few = LargeEntries().Take(3).ToDictionary(StringComparer.Ordinal);
        SaveWithPayloads(small, few);
        Damage(small, few["entry-1"]);
        var entryDamaged = PathIn(folder, "entry-damaged.bin");
        SaveWithPayloads(entryDamaged, LargeEntries());
        Damage(entryDamaged, Encoding.UTF8.GetBytes("entry of entry-42"));

        Assert.Equal(0, EntryFile.Load(small, Magic, 1, "context").Count);
        Assert.Equal(0, EntryFile.Load(entryDamaged, Magic, 1, "context").Count);
    }

    [Fact]
    public void A_payload_copied_to_a_new_file_keeps_its_checksum_so_damage_stays_detectable()
    {
        using var folder = new TempFolder();
        var (first, payloads) = FileWithOnePayloadDamaged(folder);
        var previous = EntryFile.Load(first, Magic, 1, "context");
        var keys = payloads.Keys.Order(StringComparer.Ordinal).ToList();
        var stored = keys.ToDictionary(key => key, key => Stored(previous, key), StringComparer.Ordinal);

        var second = PathIn(folder, "second.bin");
        EntryFile.Save(second, Magic, 1, "context", keys, key => key, (writer, key) => Assert.True(stored[key].TryCopy(previous, writer)), () => [], payloads: true);
        var copied = EntryFile.Load(second, Magic, 1, "context");

        Assert.Equal(payloads.Count, copied.Count);
        Assert.True(copied.TryGet("entry-41", out _, out var intact));
        Assert.Equal(payloads["entry-41"], intact.Checked.ToArray());
        Assert.True(copied.TryGet("entry-42", out _, out var damaged));
        Assert.False(damaged.IsIntact);
    }

    /// <summary>A file of <see cref="LargeEntries"/> as payloads (so it is mapped), entry-42's damaged.</summary>
    private static (string Path, Dictionary<string, byte[]> Payloads) FileWithOnePayloadDamaged(TempFolder folder)
    {
        var path = PathIn(folder, "payloads.bin");
        var payloads = LargeEntries();
        SaveWithPayloads(path, payloads);
        Damage(path, payloads["entry-42"]);
        return (path, payloads);
    }

    private static StoredEntry Stored(EntryFile file, string key)
    {
        Assert.True(file.TryGet(key, out var entry, out var payload));
        return new StoredEntry(file, entry) { Payload = payload };
    }

    /// <summary>Flips a bit in the middle of the first place the file at <paramref name="path"/> holds <paramref name="part"/>.</summary>
    private static void Damage(string path, byte[] part)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(part);
        Assert.True(at >= 0, "the part to damage is in the file");
        bytes[at + (part.Length / 2)] ^= 0x04;
        File.WriteAllBytes(path, bytes);
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
