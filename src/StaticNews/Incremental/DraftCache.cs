using StaticNews.Building;
using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Incremental;

/// <summary>
/// The drafts (front matter read and checked) of the articles the last successful build read, beside the build cache: a file
/// whose front matter text, path and first line are unchanged is not parsed again. Keyed and guarded like the
/// <see cref="BodyCache"/>: the file carries the engine version and a fingerprint of site.yml and the base URL (time zone,
/// URLs), ends with a checksum, and any mismatch or damage means parsing everything.
/// </summary>
internal sealed class DraftCache
{
    public const string FileName = "drafts.bin";

    private const string Magic = "StaticNews drafts";
    private const int FormatVersion = 2;

    // Kinds of front matter extras, the first byte of each encoded value.
    private const byte NullValue = 0;
    private const byte TextValue = 1;
    private const byte ListValue = 2;
    private const byte MapValue = 3;
    private const byte SortedMapValue = 4;

    private readonly EntryFile _file;

    /// <summary>The values front matters share (authors, categories, tags, places), made once for all the drafts decoded.</summary>
    private readonly StringPool _values = new();

    private DraftCache(EntryFile file)
    {
        _file = file;
    }

    public static DraftCache Empty => new(EntryFile.Empty);

    /// <summary>How many drafts the cache holds.</summary>
    public int Count => _file.Count;

    /// <summary>Writes the key of <paramref name="split"/>'s draft into <paramref name="key"/> (<see cref="Fingerprint.HexLength"/> characters).</summary>
    public static void KeyOf(SourceSplit split, Span<char> key) =>
        new Fingerprint().Add(split.File.Path).Add(split.YamlFirstLine).Add(split.YamlFingerprint).FinishInto(key);

    /// <summary>
    /// The cached draft for <paramref name="key"/>, made the draft of <paramref name="source"/>, and its entry as the next save
    /// keeps it (its bytes here, with its diagnostics); null when the cache has none or it cannot be read.
    /// </summary>
    public (ArticleDraft Draft, CachedDraft Entry)? Find(ReadOnlySpan<char> key, SourceSplit source)
    {
        if (!_file.TryGet(key, out var storedKey, out var entry, out _))
        {
            return null;
        }

        using var held = EntryFile.Hold(entry);
        try
        {
            var reader = new CacheReader(entry.Span);
            var diagnostics = CachedDiagnostic.ReadAll(ref reader);

            var draft = ReadDraft(ref reader, source, _values);
            return (draft, new CachedDraft(storedKey, Draft: null, diagnostics) { Stored = new StoredEntry(_file, entry) });
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }

    public static DraftCache Load(string folder, string context) =>
        new(EntryFile.Load(Path.Combine(folder, FileName), Magic, FormatVersion, context));

    /// <summary>
    /// Writes <paramref name="drafts"/>, copying the bytes of those found in <paramref name="previous"/>; nothing when they are
    /// exactly the drafts <paramref name="previous"/> holds (no front matter changed): its file stays as it is.
    /// </summary>
    public static void Save(string path, string context, IReadOnlyCollection<CachedDraft> drafts, DraftCache previous)
    {
        if (drafts.Count == previous.Count && drafts.All(cached => cached.Stored is { } stored && ReferenceEquals(stored.File, previous._file)))
        {
            return;
        }

        void Write(EntryWriter writer, CachedDraft cached)
        {
            if (cached.Stored?.TryCopy(previous._file, writer) == true)
            {
                return;
            }

            CachedDiagnostic.WriteAll(writer.Entry, cached.Diagnostics);
            WriteDraft(writer.Entry, cached.Draft!);
        }

        // A draft kept only as its bytes in another file than the one replaced cannot be written: the next build parses it.
        var writable = drafts.Where(cached => cached.Draft is not null || cached.Stored is { } stored && ReferenceEquals(stored.File, previous._file));
        EntryFile.Save(path, Magic, FormatVersion, context, writable, cached => cached.Key, Write, () => [], payloads: false);
    }

    private static void WriteDraft(BinaryWriter writer, ArticleDraft draft)
    {
        writer.Write(draft.Slug);
        WriteLocation(writer, draft.SlugLocation);
        writer.Write(draft.Title);
        WriteDate(writer, draft.Date);
        WriteOptionalDate(writer, draft.Updated);
        WriteOptionalDate(writer, draft.Expires);
        WriteValues(writer, draft.AuthorIds);
        writer.Write(draft.CategoryPath is not null);
        if (draft.CategoryPath is var (category, categoryLocation))
        {
            writer.Write(category);
            WriteLocation(writer, categoryLocation);
        }

        WriteValues(writer, draft.Tags);
        WriteOptional(writer, draft.Summary);
        WriteOptional(writer, draft.Location);
        writer.Write(draft.Image is not null);
        if (draft.Image is { } image)
        {
            writer.Write(image.Url);
            writer.Write(image.Alt);
            WriteOptional(writer, image.Caption);
        }

        writer.Write(draft.Draft);
        writer.Write(draft.Breaking);
        WriteValues(writer, draft.Related);
        writer.Write(draft.Corrections.Count);
        foreach (var correction in draft.Corrections)
        {
            WriteDate(writer, correction.Date);
            writer.Write(correction.Note);
            writer.Write((int)correction.Kind);
        }

        WritePlain(writer, draft.Extras);
    }

    private static ArticleDraft ReadDraft(ref CacheReader reader, SourceSplit source, StringPool values)
    {
        var slug = reader.ReadString();
        var slugLocation = ReadLocation(ref reader, source.File.Path);
        var title = reader.ReadString();
        var date = ReadDate(ref reader);
        var updated = ReadOptionalDate(ref reader);
        var expires = ReadOptionalDate(ref reader);
        var authors = ReadValues(ref reader, source.File.Path, values);
        (string, SourceLocation)? category = reader.ReadBoolean() ? (reader.ReadString(values), ReadLocation(ref reader, source.File.Path)) : null;
        var tags = ReadValues(ref reader, source.File.Path, values);
        var summary = ReadOptional(ref reader);
        var location = ReadOptional(ref reader, values);
        var image = reader.ReadBoolean() ? new Image(reader.ReadString(), reader.ReadString(), ReadOptional(ref reader)) : null;
        var isDraft = reader.ReadBoolean();
        var breaking = reader.ReadBoolean();
        var related = ReadValues(ref reader, source.File.Path, values);
        var corrections = NewArray<Correction>(reader.ReadInt32());
        for (var i = 0; i < corrections.Length; i++)
        {
            corrections[i] = new Correction(ReadDate(ref reader), reader.ReadString(), (CorrectionKind)reader.ReadInt32());
        }

        var extras = ReadPlain(ref reader) as IReadOnlyDictionary<string, object?> ?? throw new FormatException("The extras are not a mapping.");
        return new ArticleDraft
        {
            Source = source,
            Slug = slug,
            SlugLocation = slugLocation,
            Title = title,
            Date = date,
            Updated = updated,
            Expires = expires,
            AuthorIds = authors,
            CategoryPath = category,
            Tags = tags,
            Summary = summary,
            Location = location,
            Image = image,
            Draft = isDraft,
            Breaking = breaking,
            Related = related,
            Corrections = corrections,
            Extras = extras,
        };
    }

    private static void WriteLocation(BinaryWriter writer, SourceLocation location)
    {
        writer.Write(location.Path);
        writer.Write(location.Line);
        writer.Write(location.Column);
    }

    /// <summary>A location, most often in the draft's own file at <paramref name="sourcePath"/>: then that path is shared, not decoded again.</summary>
    private static SourceLocation ReadLocation(ref CacheReader reader, string sourcePath) => new(reader.ReadString(sourcePath), reader.ReadInt32(), reader.ReadInt32());

    private static void WriteDate(BinaryWriter writer, DateTimeOffset date)
    {
        writer.Write(date.Ticks);
        writer.Write((int)date.Offset.TotalMinutes);
    }

    private static DateTimeOffset ReadDate(ref CacheReader reader) => new(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt32()));

    private static void WriteOptionalDate(BinaryWriter writer, DateTimeOffset? date)
    {
        writer.Write(date is not null);
        if (date is { } value)
        {
            WriteDate(writer, value);
        }
    }

    private static DateTimeOffset? ReadOptionalDate(ref CacheReader reader) => reader.ReadBoolean() ? ReadDate(ref reader) : null;

    private static void WriteOptional(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        writer.Write(text ?? string.Empty);
    }

    /// <summary>A text <see cref="WriteOptional"/> wrote; through <paramref name="shared"/> when many front matters share its values.</summary>
    private static string? ReadOptional(ref CacheReader reader, StringPool? shared = null)
    {
        var present = reader.ReadBoolean();
        var text = shared is null ? reader.ReadString() : reader.ReadString(shared);
        return present ? text : null;
    }

    private static void WriteValues(BinaryWriter writer, IReadOnlyList<(string Value, SourceLocation Location)> values)
    {
        writer.Write(values.Count);
        foreach (var (value, location) in values)
        {
            writer.Write(value);
            WriteLocation(writer, location);
        }
    }

    private static (string Value, SourceLocation Location)[] ReadValues(ref CacheReader reader, string sourcePath, StringPool pool)
    {
        var values = NewArray<(string, SourceLocation)>(reader.ReadInt32());
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (reader.ReadString(pool), ReadLocation(ref reader, sourcePath));
        }

        return values;
    }

    /// <summary>An array of <paramref name="length"/>; the shared empty one for none (most articles have no corrections and no related picks).</summary>
    private static T[] NewArray<T>(int length) => length == 0 ? [] : new T[length];

    /// <summary>Front matter extras: null, texts, lists and mappings, as <see cref="FieldReader"/> makes them.</summary>
    private static void WritePlain(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write(NullValue);
                break;
            case string text:
                writer.Write(TextValue);
                writer.Write(text);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.Write(map is SortedDictionary<string, object?> ? SortedMapValue : MapValue);
                writer.Write(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.Write(key);
                    WritePlain(writer, item);
                }

                break;
            case IReadOnlyList<object?> list:
                writer.Write(ListValue);
                writer.Write(list.Count);
                foreach (var item in list)
                {
                    WritePlain(writer, item);
                }

                break;
            default:
                throw new InvalidOperationException($"A front matter extra of type {value.GetType()} cannot be cached.");
        }
    }

    private static object? ReadPlain(ref CacheReader reader)
    {
        switch (reader.ReadByte())
        {
            case NullValue:
                return null;
            case TextValue:
                return reader.ReadString();
            case ListValue:
                var list = new List<object?>(reader.ReadInt32());
                for (var i = list.Capacity; i > 0; i--)
                {
                    list.Add(ReadPlain(ref reader));
                }

                return list;
            case MapValue:
                return ReadMap(ref reader, new Dictionary<string, object?>(StringComparer.Ordinal));
            case SortedMapValue:
                return ReadMap(ref reader, new SortedDictionary<string, object?>(StringComparer.Ordinal));
            default:
                throw new FormatException("Unknown value kind in a cached draft.");
        }
    }

    private static IDictionary<string, object?> ReadMap(ref CacheReader reader, IDictionary<string, object?> map)
    {
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var key = reader.ReadString();
            map[key] = ReadPlain(ref reader);
        }

        return map;
    }
}
