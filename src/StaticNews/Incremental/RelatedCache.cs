namespace StaticNews.Incremental;

/// <summary>
/// The related-article lists of the last successful build, beside the build cache, under the fingerprint of what they were
/// computed from (<see cref="Building.RelatedArticles.InputsOf"/>): a build that changed no article's place, date, tags,
/// category or picks (a body edit) takes them instead of scoring every article again. Guarded like the other caches; any
/// mismatch or damage means computing them.
/// </summary>
internal sealed class RelatedCache
{
    public const string FileName = "related.bin";

    private const string Magic = "StaticNews related";
    private const int FormatVersion = 1;

    private readonly EntryFile _file;

    private RelatedCache(EntryFile file)
    {
        _file = file;
    }

    public static RelatedCache Empty => new(EntryFile.Empty);

    public static RelatedCache Load(string folder, string context) =>
        new(EntryFile.Load(Path.Combine(folder, FileName), Magic, FormatVersion, context));

    /// <summary>The lists computed from <paramref name="inputs"/> for <paramref name="articleCount"/> articles, or null.</summary>
    public int[][]? Find(string inputs, int articleCount)
    {
        if (!_file.TryGet(inputs, out var entry))
        {
            return null;
        }

        using var held = EntryFile.Hold(entry);
        try
        {
            var reader = new CacheReader(entry.Span);
            if (reader.Read7BitEncodedInt() != articleCount)
            {
                return null;
            }

            var lists = new int[articleCount][];
            for (var i = 0; i < articleCount; i++)
            {
                var length = reader.Read7BitEncodedInt();
                if ((uint)length > (uint)articleCount)
                {
                    return null;
                }

                var list = new int[length];
                for (var j = 0; j < list.Length; j++)
                {
                    list[j] = reader.Read7BitEncodedInt();
                    if ((uint)list[j] >= (uint)articleCount)
                    {
                        return null;
                    }
                }

                lists[i] = list;
            }

            return lists;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    public static void Save(string path, string context, string inputs, int[][] lists)
    {
        EntryFile.Save(path, Magic, FormatVersion, context, [lists], _ => inputs, (writer, all) =>
        {
            writer.Write7BitEncodedInt(all.Length);
            foreach (var list in all)
            {
                writer.Write7BitEncodedInt(list.Length);
                foreach (var index in list)
                {
                    writer.Write7BitEncodedInt(index);
                }
            }
        }, () => []);
    }
}
