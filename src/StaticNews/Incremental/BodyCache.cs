using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using StaticNews.Building;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Search;

namespace StaticNews.Incremental;

/// <summary>
/// The article bodies the last successful build rendered, beside the build cache: a body whose file, dateline and linked
/// articles are unchanged is taken from here instead of being rendered and tokenized again, diagnostics included.
/// <para>
/// The file holds the engine version and a fingerprint of the settings bodies depend on (site.yml, base URL). An entry holds
/// what tells whether its body still holds (the linked articles' titles and URLs), its diagnostics, word count and HTML
/// fingerprint; its payload (see <see cref="EntryFile"/>) holds the HTML and the search terms, checked against their own
/// checksum when first read: a build reads only the payloads of the bodies it shows again. Damage means an empty cache, or,
/// found in a payload, a build started over without the file (<see cref="DamagedCacheException"/>); never a wrong body.
/// Search tokens are stored once, in a table that later builds only append to, and entries refer to them by number. So
/// loading decodes only the table and the index (each entry is decoded when it is looked up, in parallel), and saving copies
/// the bytes of every reused entry and payload as they are.
/// </para>
/// <para>
/// A build that rendered few bodies leaves the file as it is and writes only those bodies, with the tokens they add, to a
/// delta file beside it (<see cref="DeltaFileName"/>), which names the main file's checksum and is ignored once that file is
/// replaced: one edit at 10,000 articles writes a few kilobytes instead of 87 MB. The next build carries the delta's bodies
/// still in use into its own delta. When the delta grows past <see cref="MaxDeltaEntries"/> or a quarter of the main file's
/// bodies are no longer used, the build writes the main file whole again, folding the delta in.
/// </para>
/// </summary>
internal sealed class BodyCache
{
    public const string FileName = "bodies.bin";

    public const string DeltaFileName = "bodies.delta.bin";

    private const string Magic = "StaticNews bodies";
    private const string DeltaMagic = "StaticNews bodies delta";
    private const int FormatVersion = 9;

    /// <summary>A delta holds at most this many bodies, or one in 50 of the main file's if more.</summary>
    private const int MaxDeltaEntries = 64;

    /// <summary>Past this many tokens (most no longer used by any article) the table is started afresh.</summary>
    private const int MaxTokens = 2_000_000;

    private readonly EntryFile _file;
    private readonly EntryFile _delta;

    /// <summary>The main file's tokens, then the delta's.</summary>
    private readonly string[] _tokens;

    /// <summary>How many of <see cref="_tokens"/> come from the main file.</summary>
    private readonly int _fileTokens;

    private BodyCache(EntryFile file, EntryFile delta, string[] tokens, int fileTokens)
    {
        _file = file;
        _delta = delta;
        _tokens = tokens;
        _fileTokens = fileTokens;
    }

    public static BodyCache Empty => new(EntryFile.Empty, EntryFile.Empty, [], 0);

    /// <summary>How many bodies the cache holds (a body both in the main file and in the delta counts twice).</summary>
    public int Count => _file.Count + _delta.Count;

    /// <summary>The entry stored under <paramref name="key"/> and its payload, from the delta if it is there (it is the newer), and the file it is in.</summary>
    private bool TryGet(ReadOnlySpan<char> key, [NotNullWhen(true)] out string? storedKey, out ReadOnlyMemory<byte> entry, out StoredPayload payload, out EntryFile file)
    {
        file = _delta.TryGet(key, out storedKey, out entry, out payload) ? _delta : _file;
        return ReferenceEquals(file, _delta) || _file.TryGet(key, out storedKey, out entry, out payload);
    }

    /// <summary>The cached render for <paramref name="key"/>, if every article it linked to still has the title and URL it had then.</summary>
    public RenderedBody? Find(ReadOnlySpan<char> key, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
    {
        if (!TryGet(key, out var storedKey, out var entry, out var payload, out var file))
        {
            return null;
        }

        try
        {
            return Decode(storedKey, entry, payload, file, articlesBySlug);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The search terms of the body stored under <paramref name="key"/>, if its HTML still has the fingerprint
    /// <paramref name="htmlHash"/> (<see cref="ContentHash.Of"/> of its UTF-8 bytes); whatever the articles it links to became.
    /// None when its payload is damaged: the caller indexes the articles again.
    /// </summary>
    public BodyTerms? FindTerms(string key, ContentHash htmlHash)
    {
        if (!TryGet(key, out _, out var entry, out var payload, out _))
        {
            return null;
        }

        using var held = EntryFile.Hold(entry);
        try
        {
            var reader = new CacheReader(entry.Span);
            StoredLinks.Skip(ref reader);
            CachedDiagnostic.ReadAll(ref reader);
            var storedHash = reader.ReadContentHash();
            reader.Read7BitEncodedInt();
            var htmlLength = reader.Read7BitEncodedInt();
            return storedHash == htmlHash ? ReadTerms(payload.Checked[htmlLength..]) : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentOutOfRangeException or DamagedCacheException)
        {
            return null;
        }
    }

    private RenderedBody? Decode(string key, ReadOnlyMemory<byte> entry, StoredPayload payload, EntryFile file, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
    {
        using var held = EntryFile.Hold(entry);
        var reader = new CacheReader(entry.Span);
        if (StoredLinks.ReadIfStillHolding(ref reader, articlesBySlug) is not { } links)
        {
            return null;
        }

        var diagnostics = CachedDiagnostic.ReadAll(ref reader);
        var htmlHash = reader.ReadContentHash();
        var wordCount = reader.Read7BitEncodedInt();
        var htmlLength = reader.Read7BitEncodedInt();

        // The body's HTML stays where it is in the cache file's bytes (70 MB not copied at 10,000 articles), unread and
        // unchecked until a page or feed shows it: most bodies of an incremental build are never read.
        var checkedPayload = payload.Checked;
        if (htmlLength > checkedPayload.Length)
        {
            throw new FormatException("The body's HTML runs past its payload.");
        }

        var html = TrustedHtml.FromUtf8(checkedPayload[..htmlLength]);
        var terms = checkedPayload[htmlLength..];
        return new RenderedBody(key, html, wordCount, diagnostics, links, new Lazy<BodyTerms>(() => ReadTermsOrTokenize(terms, html)))
        {
            Stored = new StoredEntry(file, entry) { Payload = payload },
            HtmlHash = htmlHash,
        };
    }

    /// <summary>The stored terms or, should they not decode (the file's checksum makes that a bug), those of the HTML.</summary>
    private BodyTerms ReadTermsOrTokenize(ReadOnlyMemory<byte> stored, TrustedHtml html)
    {
        try
        {
            return ReadTerms(stored);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            return BodyTerms.Of(html.Html);
        }
    }

    private BodyTerms ReadTerms(ReadOnlyMemory<byte> stored)
    {
        using var held = EntryFile.Hold(stored);
        var reader = new CacheReader(stored.Span);
        var tokens = new string[reader.Read7BitEncodedInt()];
        var starts = new int[tokens.Length + 1];
        var positions = new int[reader.Read7BitEncodedInt()];
        var next = 0;
        for (var slot = 0; slot < tokens.Length; slot++)
        {
            tokens[slot] = _tokens[reader.Read7BitEncodedInt()];
            starts[slot] = next;
            var count = reader.Read7BitEncodedInt();
            var position = 0;
            for (var i = 0; i < count; i++)
            {
                position += reader.Read7BitEncodedInt();
                positions[next++] = position;
            }
        }

        starts[tokens.Length] = next;
        return new BodyTerms(tokens, starts, positions);
    }

    /// <summary>Fingerprint of the settings every body render depends on.</summary>
    public static string ContextOf(ReadOnlySpan<byte> siteConfig, string? baseUrlOverride) =>
        new Fingerprint().Add(EngineIdentity.Version).Add(siteConfig).Add(baseUrlOverride).Finish();

    public static BodyCache Load(string folder, string context)
    {
        var file = EntryFile.Load(Path.Combine(folder, FileName), Magic, FormatVersion, context);
        string[] tokens;
        using var held = EntryFile.Hold(file.Preamble);
        try
        {
            var reader = new CacheReader(file.Preamble.Span);
            tokens = new string[file.Count == 0 ? 0 : reader.ReadInt32()];
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = reader.ReadString();
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return Empty;
        }

        return file.Count == 0 ? new BodyCache(file, EntryFile.Empty, tokens, tokens.Length) : WithDelta(folder, context, file, tokens);
    }

    /// <summary>The cache of <paramref name="file"/> and the delta beside it, if the delta was written on top of this very file.</summary>
    private static BodyCache WithDelta(string folder, string context, EntryFile file, string[] tokens)
    {
        var delta = EntryFile.Load(Path.Combine(folder, DeltaFileName), DeltaMagic, FormatVersion, DeltaContextOf(context, file));
        using var held = EntryFile.Hold(delta.Preamble);
        try
        {
            var reader = new CacheReader(delta.Preamble.Span);
            if (delta.Count == 0 || reader.ReadInt32() != tokens.Length)
            {
                return new BodyCache(file, EntryFile.Empty, tokens, tokens.Length);
            }

            var all = new string[tokens.Length + reader.ReadInt32()];
            tokens.CopyTo(all, 0);
            for (var i = tokens.Length; i < all.Length; i++)
            {
                all[i] = reader.ReadString();
            }

            return new BodyCache(file, delta, all, tokens.Length);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return new BodyCache(file, EntryFile.Empty, tokens, tokens.Length);
        }
    }

    private static string DeltaContextOf(string context, EntryFile file) => context + " " + file.Identity;

    /// <summary>
    /// Writes <paramref name="bodies"/>, through <paramref name="pathOf"/> (a file name to the path to write it at): only a
    /// delta when few of them are not in <paramref name="previous"/>'s main file and few of its bodies went out of use, else
    /// the main file whole. Bodies found in <paramref name="previous"/> are copied as stored (their token numbers stay valid
    /// because the table is only appended to), the others are encoded.
    /// </summary>
    public static void Save(Func<string, string> pathOf, string context, IReadOnlyCollection<RenderedBody> bodies, BodyCache previous)
    {
        var keepTable = previous._tokens.Length < MaxTokens;
        var outsideFile = bodies.Where(body => body.Stored?.File != previous._file).ToList();
        var stillUsed = bodies.Count - outsideFile.Count;
        var deltaOnly = keepTable && previous._file.Count > 0
            && outsideFile.Count <= Math.Max(MaxDeltaEntries, previous._file.Count / 50)
            && stillUsed * 4 >= previous._file.Count * 3;
        if (deltaOnly)
        {
            SaveDelta(pathOf(DeltaFileName), context, outsideFile, previous);
        }
        else
        {
            SaveWhole(pathOf(FileName), context, bodies, previous, keepTable);
        }
    }

    private static void SaveDelta(string path, string context, List<RenderedBody> bodies, BodyCache previous)
    {
        var (tokens, tokenIds) = TableOf(previous._tokens);
        var fileTokens = previous._fileTokens;
        EntryFile.Save(path, DeltaMagic, FormatVersion, DeltaContextOf(context, previous._file), bodies, body => body.Key, (writer, body) =>
        {
            if (body.Stored?.TryCopy(previous._delta, writer) != true)
            {
                WriteEntry(writer, body, tokens, tokenIds);
            }
        }, PreambleOfDelta, payloads: true);

        byte[] PreambleOfDelta() => Encode(writer =>
        {
            writer.Write(fileTokens);
            writer.Write(tokens.Count - fileTokens);
            for (var i = fileTokens; i < tokens.Count; i++)
            {
                writer.Write(tokens[i]);
            }
        });
    }

    private static void SaveWhole(string path, string context, IReadOnlyCollection<RenderedBody> bodies, BodyCache previous, bool keepTable)
    {
        var (tokens, tokenIds) = TableOf(keepTable ? previous._tokens : []);

        void Write(EntryWriter writer, RenderedBody body)
        {
            // The main file's and the delta's entries both number tokens in the table kept here.
            if (keepTable && (body.Stored?.TryCopy(previous._file, writer) == true || body.Stored?.TryCopy(previous._delta, writer) == true))
            {
                return;
            }

            WriteEntry(writer, body, tokens, tokenIds);
        }

        EntryFile.Save(path, Magic, FormatVersion, context, bodies, body => body.Key, Write, Preamble, payloads: true);

        byte[] Preamble() => Encode(writer =>
        {
            writer.Write(tokens.Count);
            foreach (var token in tokens)
            {
                writer.Write(token);
            }
        });
    }

    private static (List<string> Tokens, Dictionary<string, int> Ids) TableOf(string[] kept)
    {
        var tokens = new List<string>(kept);
        var ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            ids[tokens[i]] = i;
        }

        return (tokens, ids);
    }

    /// <summary>Encodes <paramref name="body"/>, adding the tokens it brings to the table.</summary>
    private static void WriteEntry(EntryWriter writer, RenderedBody body, List<string> tokens, Dictionary<string, int> tokenIds)
    {
        foreach (var token in body.Terms.Tokens)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(tokenIds, token, out var known);
            if (!known)
            {
                id = tokens.Count;
                tokens.Add(token);
            }
        }

        WriteEncoded(writer, body, tokenIds);
    }

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The entry: what tells whether the body still holds, and what fingerprints need; the payload: its HTML, then its search terms.</summary>
    private static void WriteEncoded(EntryWriter writer, RenderedBody body, Dictionary<string, int> tokenIds)
    {
        // Links first: a stale entry is recognised before the rest is decoded.
        var entry = writer.Entry;
        entry.Write(body.Links.Count);
        foreach (var link in body.Links)
        {
            entry.Write(link.Slug);
            entry.Write(link.Title is not null);
            entry.Write(link.Title ?? string.Empty);
            entry.Write(link.Url ?? string.Empty);
        }

        CachedDiagnostic.WriteAll(entry, body.Diagnostics);
        entry.Write(body.HtmlHash.High);
        entry.Write(body.HtmlHash.Low);
        entry.Write7BitEncodedInt(body.WordCount);
        var html = body.Html.Utf8Bytes();
        entry.Write7BitEncodedInt(html.Length);
        writer.Payload.Write(html);
        WriteTerms(writer.Payload, body.Terms, tokenIds);
    }

    /// <summary>
    /// The body's terms as BinaryWriter would write them number by number (7-bit encoded), gathered in a buffer and written
    /// at once: a number at a time, each of its bytes was a call through the stream (1 % of a cold build's CPU).
    /// </summary>
    private static void WriteTerms(BinaryWriter writer, BodyTerms terms, Dictionary<string, int> tokenIds)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(SevenBitNumbers.MaxBytes * (2 + (2 * terms.Tokens.Length) + terms.Positions.Length));
        try
        {
            var numbers = new SevenBitNumbers(buffer);
            numbers.Add(terms.Tokens.Length);
            numbers.Add(terms.Positions.Length);
            for (var slot = 0; slot < terms.Tokens.Length; slot++)
            {
                numbers.Add(tokenIds[terms.Tokens[slot]]);
                var (start, end) = (terms.PositionStarts[slot], terms.PositionStarts[slot + 1]);
                numbers.Add(end - start);
                var previous = 0;
                for (var i = start; i < end; i++)
                {
                    numbers.Add(terms.Positions[i] - previous);
                    previous = terms.Positions[i];
                }
            }

            writer.Write(buffer.AsSpan(0, numbers.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
