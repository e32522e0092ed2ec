using System.Buffers;
using System.Text;
using StaticNews.Incremental;

namespace StaticNews.Output;

/// <summary>
/// Reads the paths an output's marker lists after its <see cref="OutputFolder.ManifestHeading"/>, a line each, from the file's
/// UTF-8 bytes a chunk at a time, each path named by <see cref="KnownOutputPaths"/>: an incremental build's check of its output
/// reads the whole list (3,500 lines at 1,000 articles) and took a new string for every line, the same paths the build cache
/// had just decoded. Lines end as <see cref="File.ReadAllLines(string)"/> ends them: at "\n", "\r\n" or "\r".
/// </summary>
internal static class MarkerList
{
    /// <summary>How much of the file is read at a time (a line longer than that is read into a larger buffer).</summary>
    internal const int ChunkBytes = 16 * 1024;

    /// <summary>The longest line, in characters, decoded on the stack; a longer one goes in an array.</summary>
    private const int MaxStackLine = 512;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The paths listed in the marker at <paramref name="markerPath"/>, or null when it has no list (an older marker).</summary>
    public static List<string>? Read(string markerPath, KnownOutputPaths knownPaths)
    {
        using var file = new FileStream(markerPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var reader = new LineReader(knownPaths);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var filled = 0;
            var atStart = true;
            while (true)
            {
                var read = file.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var chunk = buffer.AsSpan(0, filled);
                if (atStart && chunk.StartsWith(ByteOrderMark))
                {
                    chunk = chunk[ByteOrderMark.Length..];
                }

                atStart = false;

                var used = reader.TakeLines(chunk, atEnd: read == 0);
                if (read == 0)
                {
                    return reader.Paths;
                }

                // What follows the last complete line moves to the front; a line longer than the buffer gets a larger one.
                chunk[used..].CopyTo(buffer);
                filled = chunk.Length - used;
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The lines met so far: the notice before the heading, passed over, then the listed paths.</summary>
    private sealed class LineReader(KnownOutputPaths knownPaths)
    {
        /// <summary>Whether the last line ended with '\r': a '\n' starting the next chunk belongs to that line break.</summary>
        private bool _afterCarriageReturn;

        /// <summary>The listed paths; null until the heading is met.</summary>
        public List<string>? Paths { get; private set; }

        /// <summary>Takes the complete lines of <paramref name="chunk"/> (and at the end, the last line even without a break) and returns how many bytes they took.</summary>
        public int TakeLines(ReadOnlySpan<byte> chunk, bool atEnd)
        {
            var start = 0;
            if (_afterCarriageReturn && !chunk.IsEmpty)
            {
                _afterCarriageReturn = false;
                if (chunk[0] == (byte)'\n')
                {
                    start = 1;
                }
            }

            while (start < chunk.Length)
            {
                var length = chunk[start..].IndexOfAny((byte)'\n', (byte)'\r');
                if (length < 0)
                {
                    if (!atEnd)
                    {
                        return start;
                    }

                    Take(chunk[start..]);
                    return chunk.Length;
                }

                Take(chunk.Slice(start, length));
                var lineBreak = start + length;
                start = lineBreak + 1;
                if (chunk[lineBreak] == (byte)'\r')
                {
                    if (start == chunk.Length)
                    {
                        _afterCarriageReturn = true;
                    }
                    else if (chunk[start] == (byte)'\n')
                    {
                        start++;
                    }
                }
            }

            return start;
        }

        private void Take(ReadOnlySpan<byte> line)
        {
            var length = Encoding.UTF8.GetCharCount(line);
            var text = length <= MaxStackLine ? stackalloc char[length] : new char[length];
            Encoding.UTF8.GetChars(line, text);
            if (Paths is { } paths)
            {
                paths.Add(knownPaths.Get(text));
            }
            else if (text.SequenceEqual(OutputFolder.ManifestHeading))
            {
                Paths = new List<string>(Math.Max(knownPaths.Count, 16));
            }
        }
    }
}
