using System.Text;

namespace StaticNews.Incremental;

/// <summary>
/// The times of the output's folders an output check found (<see cref="Output.OutputSurvey.FolderTimes"/>), as bytes the
/// build cache keeps unread: the check that made them encodes them and the next build's check decodes them, both on the
/// check's own thread, so neither the model build nor the cache's loading and saving waits for 20,000 folder names.
/// </summary>
internal static class OutputFolderRecord
{
    public static byte[] Encode(IReadOnlyDictionary<string, long> folderTimes)
    {
        using var bytes = new MemoryStream(folderTimes.Count * 48);
        using (var writer = new BinaryWriter(bytes, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(folderTimes.Count);
            foreach (var (folder, time) in folderTimes)
            {
                writer.Write(folder);
                writer.Write(time);
            }
        }

        return bytes.ToArray();
    }

    /// <summary>The folder times in <paramref name="record"/>, or null when it is empty or unreadable (every folder is then read).</summary>
    public static Dictionary<string, long>? Decode(ReadOnlySpan<byte> record)
    {
        if (record.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new CacheReader(record);
            var count = reader.Read7BitEncodedInt();
            var times = new Dictionary<string, long>(Math.Min(count, record.Length / 9), StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                times[reader.ReadString()] = reader.ReadInt64();
            }

            return times;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
