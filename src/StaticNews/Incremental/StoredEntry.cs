namespace StaticNews.Incremental;

/// <summary>An entry taken from a cache <see cref="EntryFile"/>, with its bytes there, so the next save can copy them as they are.</summary>
internal sealed record StoredEntry(EntryFile File, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Copies the entry's bytes when it came from <paramref name="previous"/> (the file being replaced), whose numbering they use.</summary>
    public bool TryCopy(EntryFile previous, BinaryWriter writer)
    {
        if (!ReferenceEquals(File, previous))
        {
            return false;
        }

        using var held = EntryFile.Hold(Bytes);
        writer.Write(Bytes.Span);
        return true;
    }
}
