using System.Buffers;
using System.Runtime.InteropServices;

namespace StaticNews.Incremental;

/// <summary>
/// What every page read of articles and authors when last rendered (<see cref="PageReads"/>), by page output path. The
/// previous build's reads stay as the build cache stored them, numbers into its table of paths (author ids among them), in
/// one array: an edit renders a few pages and keeps the reads of all the others, which are then neither turned into
/// strings nor looked up again by their text, only numbered anew when the next cache is written.
/// The reads of the pages rendered in this build are set on top.
/// <para>
/// Nearly every page of a theme reads the same lists of the site (the navigation's categories, the sidebar's most read), so
/// those are the table's default (<see cref="DefaultLists"/>), chosen by the first build that writes the table and kept by
/// every build after it: a page that read no article beyond its place and only the default lists is not stored.
/// </para>
/// </summary>
internal sealed class PageReadsTable
{
    private readonly string[] _paths;
    private readonly int[] _numbers;
    private readonly Dictionary<string, Slot> _stored;
    private readonly Dictionary<string, PageReads> _set;
    private readonly PageReads _defaultReads;

    private PageReadsTable(string[] paths, int[] numbers, Dictionary<string, Slot> stored, Dictionary<string, PageReads> set, SiteLists? defaultLists)
    {
        _paths = paths;
        _numbers = numbers;
        _stored = stored;
        _set = set;
        DefaultLists = defaultLists;
        _defaultReads = defaultLists is { } lists and not SiteLists.None ? new PageReads([], [], [], lists) : PageReads.None;
    }

    /// <summary>The lists a page not stored read; null for a table no build has written yet, whose pages are all set.</summary>
    public SiteLists? DefaultLists { get; }

    /// <summary>A table with no page's reads.</summary>
    public static PageReadsTable Empty() => new([], [], new Dictionary<string, Slot>(StringComparer.Ordinal), new Dictionary<string, PageReads>(StringComparer.Ordinal), defaultLists: null);

    /// <summary>
    /// The reads of <paramref name="pages"/> pages as <see cref="Encode"/> encoded them, numbers into <paramref name="paths"/>.
    /// </summary>
    /// <exception cref="FormatException">A number is not in the table.</exception>
    public static PageReadsTable Read(ref CacheReader reader, string[] paths, int pages)
    {
        var defaultLists = ReadLists(ref reader);
        var stored = new Dictionary<string, Slot>(Math.Clamp(pages, 0, paths.Length), StringComparer.Ordinal);
        var numbers = new int[Math.Clamp(pages, 0, paths.Length) * 4];
        var count = 0;
        for (var page = 0; page < pages; page++)
        {
            var path = paths[NumberIn(paths, reader.Read7BitEncodedInt())];
            var start = count;
            var articles = reader.Read7BitEncodedInt();
            ReadNumbers(ref reader, paths, articles, ref numbers, ref count);
            var bodies = reader.Read7BitEncodedInt();
            ReadNumbers(ref reader, paths, bodies, ref numbers, ref count);
            var authors = reader.Read7BitEncodedInt();
            ReadNumbers(ref reader, paths, authors, ref numbers, ref count);
            stored[path] = new Slot(start, articles, bodies, authors, ReadLists(ref reader));
        }

        return new PageReadsTable(paths, numbers, stored, new Dictionary<string, PageReads>(StringComparer.Ordinal), defaultLists);
    }

    private static SiteLists ReadLists(ref CacheReader reader) =>
        reader.Read7BitEncodedInt() is var lists && (lists & ~(int)SiteLists.All) == 0 ? (SiteLists)lists : throw new FormatException("A page's reads name a list the site does not have.");

    /// <summary>A table holding this one's reads, to which a build sets those of the pages it renders (this one is left as it is).</summary>
    public PageReadsTable ForNextBuild() => new(_paths, _numbers, _stored, new Dictionary<string, PageReads>(_set, StringComparer.Ordinal), DefaultLists);

    /// <summary>Sets what <paramref name="page"/> read as it was rendered.</summary>
    public void Set(string page, PageReads reads) => _set[page] = reads;

    /// <summary>What <paramref name="page"/> read when last rendered (the default lists if it was not stored); none if it never was.</summary>
    public PageReads Of(string page)
    {
        if (_set.TryGetValue(page, out var reads))
        {
            return reads;
        }

        if (!_stored.TryGetValue(page, out var slot))
        {
            return _defaultReads;
        }

        return new PageReads(
            PathsAt(slot.Start, slot.Articles), PathsAt(slot.Start + slot.Articles, slot.Bodies), PathsAt(slot.Start + slot.Articles + slot.Bodies, slot.Authors), slot.Lists);
    }

    /// <summary>
    /// Tells whether a page (by output path) read, when last rendered, the body of an article <paramref name="changed"/>
    /// holds: each stored path is looked up in it once for all pages. Safe to call from several threads at once.
    /// </summary>
    public Func<string, bool> ReadsABodyAmong(IReadOnlySet<string> changed)
    {
        // 0: not looked up yet, 1: unchanged, 2: changed. Threads racing on one path write the same verdict.
        var verdicts = new byte[_paths.Length];
        bool IsChanged(int number)
        {
            ref var verdict = ref verdicts[number];
            if (verdict == 0)
            {
                verdict = changed.Contains(_paths[number]) ? (byte)2 : (byte)1;
            }

            return verdict == 2;
        }

        return page =>
        {
            if (_set.TryGetValue(page, out var reads))
            {
                foreach (var path in reads.Bodies)
                {
                    if (changed.Contains(path))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (!_stored.TryGetValue(page, out var slot))
            {
                return false;
            }

            for (var i = slot.Start + slot.Articles; i < slot.Start + slot.Articles + slot.Bodies; i++)
            {
                if (IsChanged(_numbers[i]))
                {
                    return true;
                }
            }

            return false;
        };
    }

    /// <summary>
    /// The reads of the pages <paramref name="numberOfPage"/> numbers (the others are left out), encoded as <see cref="Read"/>
    /// reads them, each path as <paramref name="numberOf"/> numbers it: a stored path is numbered once, whatever the number
    /// of pages reading it. Done before the table of paths is written, since it may add paths to it.
    /// </summary>
    public EncodedPageReads Encode(Func<string, int?> numberOfPage, Func<string, int> numberOf)
    {
        var renumbered = new int[_paths.Length];
        var bound = 1;
        foreach (var (page, slot) in _stored)
        {
            bound += _set.ContainsKey(page) ? 0 : 5 + slot.Articles + slot.Bodies + slot.Authors;
        }

        foreach (var (_, reads) in _set)
        {
            bound += 5 + reads.Articles.Length + reads.Bodies.Length + reads.Authors.Length;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(bound * SevenBitNumbers.MaxBytes);
        var pages = 0;
        var numbers = new SevenBitNumbers(buffer);
        var defaultLists = DefaultLists ?? MostCommonLists(numberOfPage);
        numbers.Add((int)defaultLists);
        foreach (var (page, slot) in _stored)
        {
            if (_set.ContainsKey(page) || (slot.Articles + slot.Bodies + slot.Authors == 0 && slot.Lists == defaultLists) || numberOfPage(page) is not { } pageNumber)
            {
                continue;
            }

            pages++;
            numbers.Add(pageNumber);
            numbers.Add(slot.Articles);
            foreach (var number in _numbers.AsSpan(slot.Start, slot.Articles))
            {
                numbers.Add(Renumbered(number, renumbered, numberOf));
            }

            numbers.Add(slot.Bodies);
            foreach (var number in _numbers.AsSpan(slot.Start + slot.Articles, slot.Bodies))
            {
                numbers.Add(Renumbered(number, renumbered, numberOf));
            }

            numbers.Add(slot.Authors);
            foreach (var number in _numbers.AsSpan(slot.Start + slot.Articles + slot.Bodies, slot.Authors))
            {
                numbers.Add(Renumbered(number, renumbered, numberOf));
            }

            numbers.Add((int)slot.Lists);
        }

        // The paths of rendered pages' reads are the model's, one string per article wherever read: numbered by reference
        // first, so each path's text is hashed once rather than at every read (a cold build sets every page's reads).
        var byReference = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        int NumberOfRead(string path)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(byReference, path, out var known);
            if (!known)
            {
                number = numberOf(path);
            }

            return number;
        }

        foreach (var (page, reads) in _set)
        {
            if ((reads.Articles.Length + reads.Bodies.Length + reads.Authors.Length == 0 && reads.Lists == defaultLists) || numberOfPage(page) is not { } pageNumber)
            {
                continue;
            }

            pages++;
            numbers.Add(pageNumber);
            numbers.Add(reads.Articles.Length);
            foreach (var path in reads.Articles)
            {
                numbers.Add(NumberOfRead(path));
            }

            numbers.Add(reads.Bodies.Length);
            foreach (var path in reads.Bodies)
            {
                numbers.Add(NumberOfRead(path));
            }

            numbers.Add(reads.Authors.Length);
            foreach (var id in reads.Authors)
            {
                numbers.Add(NumberOfRead(id));
            }

            numbers.Add((int)reads.Lists);
        }

        return new EncodedPageReads(pages, buffer, numbers.Length);
    }

    /// <summary>The lists most pages set in this table read: the default of a table written for the first time, all of whose pages are set.</summary>
    private SiteLists MostCommonLists(Func<string, int?> numberOfPage)
    {
        var counts = new Dictionary<SiteLists, int>();
        foreach (var (page, reads) in _set)
        {
            if (numberOfPage(page) is not null)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, reads.Lists, out _)++;
            }
        }

        var (mostCommon, most) = (SiteLists.None, 0);
        foreach (var (lists, count) in counts)
        {
            if (count > most || (count == most && lists < mostCommon))
            {
                (mostCommon, most) = (lists, count);
            }
        }

        return mostCommon;
    }

    private int Renumbered(int number, int[] renumbered, Func<string, int> numberOf)
    {
        // Kept plus one, so that 0 means "not numbered yet".
        ref var slot = ref renumbered[number];
        if (slot == 0)
        {
            slot = numberOf(_paths[number]) + 1;
        }

        return slot - 1;
    }

    private string[] PathsAt(int start, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = _paths[_numbers[start + i]];
        }

        return paths;
    }

    private static void ReadNumbers(ref CacheReader reader, string[] paths, int count, ref int[] numbers, ref int length)
    {
        if (count < 0 || count > paths.Length)
        {
            throw new FormatException("A page's reads are more than the paths the cache holds.");
        }

        if (length + count > numbers.Length)
        {
            Array.Resize(ref numbers, Math.Max(numbers.Length * 2, length + count));
        }

        for (var i = 0; i < count; i++)
        {
            numbers[length++] = NumberIn(paths, reader.Read7BitEncodedInt());
        }
    }

    private static int NumberIn(string[] paths, int number) =>
        (uint)number < (uint)paths.Length ? number : throw new FormatException("A read names a path the cache does not hold.");

    /// <summary>Where a page's reads are in the numbers: its articles from <see cref="Start"/>, then its bodies, then its authors; and the site's lists it read.</summary>
    private readonly record struct Slot(int Start, int Articles, int Bodies, int Authors, SiteLists Lists);
}
