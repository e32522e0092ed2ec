using StaticNews.Discovery;
using StaticNews.Parsing;

namespace StaticNews.Incremental;

/// <summary>
/// The <see cref="SourceStamps"/> the last successful build saved, read back: per file its stamp and, for an article, what
/// that build found in it. Null from <see cref="Load"/> when there are none, they were saved by another engine or with
/// other options, or the file is damaged in any way (it ends with a checksum of the rest).
/// </summary>
internal sealed class SavedStamps
{
    private const string Magic = "StaticNews source stamps";
    private const int FormatVersion = 3;

    private readonly FileStamp[] _stamps;
    private readonly UnchangedSource?[] _found;
    private readonly Dictionary<string, int> _indexByPath;

    private SavedStamps(string inputFingerprint, FileStamp[] stamps, UnchangedSource?[] found)
    {
        InputFingerprint = inputFingerprint;
        _stamps = stamps;
        _found = found;
        _indexByPath = new Dictionary<string, int>(stamps.Length, StringComparer.Ordinal);
        for (var i = 0; i < stamps.Length; i++)
        {
            _indexByPath[stamps[i].Path] = i;
        }
    }

    /// <summary>The input fingerprint the build that saved these stamps computed.</summary>
    public string InputFingerprint { get; }

    public static SavedStamps? Load(string cacheFolder, string optionsKey)
    {
        try
        {
            var path = Path.Combine(cacheFolder, SourceStamps.FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            // Mapped rather than read at 10,000 articles (1.5 MB): every entry is decoded into strings, so none points into it.
            var memory = MappedFileMemory.MapOrRead(path);
            try
            {
                using var held = memory.Pin();
                MappedFileMemory.Populate(memory);
                return Parse(memory.Span, optionsKey);
            }
            finally
            {
                MappedFileMemory.Release(memory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static SavedStamps? Parse(ReadOnlySpan<byte> bytes, string optionsKey)
    {
        var end = FileChecksum.ContentLengthOf(bytes);
        if (end < 0)
        {
            return null;
        }

        var reader = new CacheReader(bytes[..end]);
        if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != optionsKey)
        {
            return null;
        }

        var fingerprint = reader.ReadString();
        var count = reader.ReadInt32();
        if (count < 0 || count > end)
        {
            return null;
        }

        var stamps = new FileStamp[count];
        var found = new UnchangedSource?[count];
        for (var i = 0; i < count; i++)
        {
            stamps[i] = new FileStamp(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64());
            found[i] = reader.ReadBoolean() ? ReadFound(ref reader) : null;
        }

        return reader.Position == end ? new SavedStamps(fingerprint, stamps, found) : null;
    }

    /// <summary>The saved input fingerprint when every file of <paramref name="now"/> has the stamp saved for it and no file came or went.</summary>
    public string? FingerprintIfUnchanged(SourceStamps now)
    {
        if (now.Files.Count != _stamps.Length)
        {
            return null;
        }

        for (var i = 0; i < _stamps.Length; i++)
        {
            if (now.Files[i] != _stamps[i])
            {
                return null;
            }
        }

        return InputFingerprint;
    }

    /// <summary>What the last build found in each file (by path) that still has the stamp saved for it.</summary>
    public Dictionary<string, UnchangedSource> UnchangedIn(SourceStamps now)
    {
        var unchanged = new Dictionary<string, UnchangedSource>(_stamps.Length, StringComparer.Ordinal);
        foreach (var stamp in now.Files)
        {
            if (_indexByPath.TryGetValue(stamp.Path, out var i) && _found[i] is { } found && _stamps[i] == stamp)
            {
                unchanged[stamp.Path] = found;
            }
        }

        return unchanged;
    }

    /// <summary>What the last build found in the file at <paramref name="path"/>, if it had the bytes whose hash is <paramref name="contentHash"/>.</summary>
    public UnchangedSource? Find(string path, ContentHash contentHash) =>
        _indexByPath.TryGetValue(path, out var i) && _found[i] is { } found && found.ContentHash == contentHash ? found : null;

    public static void WriteHeader(BinaryWriter writer, string optionsKey, string inputFingerprint, int count)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(optionsKey);
        writer.Write(inputFingerprint);
        writer.Write(count);
    }

    public static void WriteFile(BinaryWriter writer, FileStamp stamp, UnchangedSource? found)
    {
        writer.Write(stamp.Path);
        writer.Write(stamp.Length);
        writer.Write(stamp.LastWriteTicks);
        writer.Write(found is not null);
        if (found is { Split: var split })
        {
            writer.Write(found.ContentHash.High);
            writer.Write(found.ContentHash.Low);
            writer.Write(split.YamlFirstLine);
            writer.Write(split.BodyFirstLine);
            writer.Write(split.BodyByteOffset);
            writer.Write(split.YamlFingerprint);
            writer.Write(split.BodyFingerprint);
        }
    }

    private static UnchangedSource ReadFound(ref CacheReader reader)
    {
        var hash = reader.ReadContentHash();
        var split = new SplitFacts(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadString());
        return new UnchangedSource(hash, split);
    }
}
