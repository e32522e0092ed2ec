namespace StaticNews.Incremental;

/// <summary>
/// Where <see cref="EntryFile.Save{T}(string, string, int, string, IEnumerable{T}, Func{T, string}, Action{EntryWriter, T}, Func{byte[]}, bool)"/>
/// has one item written: its entry, and its payload (see <see cref="EntryFile"/>), written anew or copied as stored.
/// </summary>
internal sealed class EntryWriter(BinaryWriter entry, BinaryWriter payload)
{
    /// <summary>The item's entry, which the file's checksum covers.</summary>
    public BinaryWriter Entry { get; } = entry;

    /// <summary>The item's payload, checksummed on its own; empty unless written to.</summary>
    public BinaryWriter Payload { get; } = payload;

    /// <summary>The checksum of a payload copied as stored (<see cref="CopyPayload"/>), instead of one computed from what was written.</summary>
    internal ulong? CopiedChecksum { get; private set; }

    /// <summary>Copies a payload taken from an earlier file with the checksum it was stored with, unchecked: a damaged one stays detectable.</summary>
    public void CopyPayload(ReadOnlySpan<byte> bytes, ulong checksum)
    {
        Payload.Write(bytes);
        CopiedChecksum = checksum;
    }

    internal void Reset() => CopiedChecksum = null;
}
