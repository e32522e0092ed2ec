namespace StaticNews.Incremental;

/// <summary>An entry taken from a cache <see cref="EntryFile"/>, with its bytes there, so the next save can copy them as they are.</summary>
internal sealed record StoredEntry(EntryFile File, ReadOnlyMemory<byte> Bytes);
