using System.IO.Hashing;

namespace StaticNews.Incremental;

/// <summary>The XXH128 checksum that ends every cache file (see <see cref="HashingWriteStream"/>), of the bytes before it that it covers.</summary>
internal static class FileChecksum
{
    public const int Length = 16;

    /// <summary>How many bytes precede a checksum that matches them, or -1 when the file is too short or damaged.</summary>
    public static int ContentLengthOf(ReadOnlySpan<byte> file)
    {
        var end = file.Length - Length;
        return end >= 0 && XxHash128.Hash(file[..end]).AsSpan().SequenceEqual(file[end..]) ? end : -1;
    }

    /// <summary>Whether <paramref name="checksum"/> is that of <paramref name="first"/> followed by <paramref name="second"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> checksum)
    {
        var hash = new XxHash128();
        hash.Append(first);
        hash.Append(second);
        Span<byte> actual = stackalloc byte[Length];
        return hash.TryGetCurrentHash(actual, out var written) && written == Length && actual.SequenceEqual(checksum);
    }
}
