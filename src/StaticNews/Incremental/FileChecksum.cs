using System.IO.Hashing;

namespace StaticNews.Incremental;

/// <summary>The XXH128 checksum that ends every cache file (see <see cref="HashingWriteStream"/>), of all the bytes before it.</summary>
internal static class FileChecksum
{
    public const int Length = 16;

    /// <summary>How many bytes precede a checksum that matches them, or -1 when the file is too short or damaged.</summary>
    public static int ContentLengthOf(ReadOnlySpan<byte> file)
    {
        var end = file.Length - Length;
        return end >= 0 && XxHash128.Hash(file[..end]).AsSpan().SequenceEqual(file[end..]) ? end : -1;
    }
}
