namespace StaticNews.Incremental;

/// <summary>An entry taken from a cache <see cref="EntryFile"/>, with its bytes there, so the next save can copy them as they are.</summary>
internal sealed record StoredEntry(EntryFile File, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The entry's payload in <see cref="File"/>, if it has one.</summary>
    public StoredPayload Payload { get; init; } = StoredPayload.None;

    /// <summary>Copies the entry's bytes and payload when it came from <paramref name="previous"/> (the file being replaced), whose numbering they use.</summary>
    public bool TryCopy(EntryFile previous, EntryWriter writer)
    {
        if (!ReferenceEquals(File, previous))
        {
            return false;
        }

        using (EntryFile.Hold(Bytes))
        {
            writer.Entry.Write(Bytes.Span);
        }

        using (EntryFile.Hold(Payload.Bytes))
        {
            writer.CopyPayload(Payload.Bytes.Span, Payload.Checksum);
        }

        return true;
    }
}
