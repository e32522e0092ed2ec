using System.Runtime.InteropServices;
using System.Text;
using StaticNews.Building;
using StaticNews.Model;
using StaticNews.Search;

namespace StaticNews.Incremental;

/// <summary>
/// The article bodies the last successful build rendered, beside the build cache: a body whose file, dateline and linked
/// articles are unchanged is taken from here instead of being rendered and tokenized again, diagnostics included.
/// <para>
/// The file holds the engine version and a fingerprint of the settings bodies depend on (site.yml, base URL) and ends with a
/// checksum; any mismatch or damage means an empty cache, never a wrong body. Search tokens are stored once, in a table that
/// later builds only append to, and entries refer to them by number. So loading decodes only the table and the index (each
/// entry is decoded when it is looked up, in parallel), and saving copies the bytes of every reused entry as they are.
/// </para>
/// </summary>
internal sealed class BodyCache
{
    public const string FileName = "bodies.bin";

    private const string Magic = "StaticNews bodies";
    private const int FormatVersion = 6;

    /// <summary>Past this many tokens (most no longer used by any article) the table is started afresh.</summary>
    private const int MaxTokens = 2_000_000;

    private readonly EntryFile _file;
    private readonly string[] _tokens;

    private BodyCache(EntryFile file, string[] tokens)
    {
        _file = file;
        _tokens = tokens;
    }

    public static BodyCache Empty => new(EntryFile.Empty, []);

    public int Count => _file.Count;

    /// <summary>The cached render for <paramref name="key"/>, if every article it linked to still has the title and URL it had then.</summary>
    public RenderedBody? Find(string key, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
    {
        if (!_file.TryGet(key, out var entry))
        {
            return null;
        }

        try
        {
            return Decode(key, entry, articlesBySlug);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The search terms of the body stored under <paramref name="key"/>, if its HTML still has the fingerprint
    /// <paramref name="htmlHash"/> (<see cref="Fingerprint.Of"/> of its UTF-8 bytes); whatever the articles it links to became.
    /// </summary>
    public BodyTerms? FindTerms(string key, string htmlHash)
    {
        if (!_file.TryGet(key, out var entry))
        {
            return null;
        }

        try
        {
            var reader = new CacheReader(entry.Span);
            ReadLinks(ref reader);
            CachedDiagnostic.ReadAll(ref reader);
            var html = ReadHtml(ref reader, entry);
            reader.Read7BitEncodedInt();
            return Fingerprint.Of(html.Span) == htmlHash ? ReadTerms(entry[reader.Position..]) : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private RenderedBody? Decode(string key, ReadOnlyMemory<byte> entry, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
    {
        var reader = new CacheReader(entry.Span);
        var links = ReadLinks(ref reader);
        foreach (var link in links)
        {
            if (!link.StillHolds(articlesBySlug))
            {
                return null;
            }
        }

        var diagnostics = CachedDiagnostic.ReadAll(ref reader);

        // The body's HTML stays where it is in the cache file's bytes: 70 MB not copied at 10,000 articles.
        var html = TrustedHtml.FromUtf8(ReadHtml(ref reader, entry));
        var wordCount = reader.Read7BitEncodedInt();
        var terms = entry[reader.Position..];
        return new RenderedBody(key, html, wordCount, diagnostics, links, new Lazy<BodyTerms>(() => ReadTermsOrTokenize(terms, html)))
        {
            Stored = new StoredEntry(_file, entry),
        };
    }

    private static BodyLink[] ReadLinks(ref CacheReader reader)
    {
        var links = new BodyLink[reader.ReadInt32()];
        for (var i = 0; i < links.Length; i++)
        {
            var slug = reader.ReadString();
            var found = reader.ReadBoolean();
            var title = reader.ReadString();
            var url = reader.ReadString();
            links[i] = found ? new BodyLink(slug, title, url) : new BodyLink(slug, null, null);
        }

        return links;
    }

    private static ReadOnlyMemory<byte> ReadHtml(ref CacheReader reader, ReadOnlyMemory<byte> entry)
    {
        var length = reader.Read7BitEncodedInt();
        var start = reader.Position;
        reader.Skip(length);
        return entry.Slice(start, length);
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
        try
        {
            var reader = new CacheReader(file.Preamble);
            var tokens = new string[file.Count == 0 ? 0 : reader.ReadInt32()];
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = reader.ReadString();
            }

            return new BodyCache(file, tokens);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return Empty;
        }
    }

    /// <summary>
    /// Writes <paramref name="bodies"/>: those found in <paramref name="previous"/> are copied as stored (their token numbers
    /// stay valid because the table is only appended to), the others are encoded.
    /// </summary>
    public static void Save(string path, string context, IReadOnlyCollection<RenderedBody> bodies, BodyCache previous)
    {
        var keepTable = previous._tokens.Length < MaxTokens;
        var tokens = keepTable ? new List<string>(previous._tokens) : [];
        var tokenIds = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            tokenIds[tokens[i]] = i;
        }

        void Write(BinaryWriter writer, RenderedBody body)
        {
            if (keepTable && body.Stored?.TryCopy(previous._file, writer) == true)
            {
                return;
            }

            foreach (var token in body.Terms.Tokens)
            {
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(tokenIds, token, out var known);
                if (!known)
                {
                    id = tokens.Count;
                    tokens.Add(token);
                }
            }

            WriteEntry(writer, body, tokenIds);
        }

        EntryFile.Save(path, Magic, FormatVersion, context, bodies, body => body.Key, Write, () => Encode(writer =>
        {
            writer.Write(tokens.Count);
            foreach (var token in tokens)
            {
                writer.Write(token);
            }
        }));
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

    private static void WriteEntry(BinaryWriter writer, RenderedBody body, Dictionary<string, int> tokenIds)
    {
        // Links first: a stale entry is recognised before the rest is decoded.
        writer.Write(body.Links.Count);
        foreach (var link in body.Links)
        {
            writer.Write(link.Slug);
            writer.Write(link.Title is not null);
            writer.Write(link.Title ?? string.Empty);
            writer.Write(link.Url ?? string.Empty);
        }

        CachedDiagnostic.WriteAll(writer, body.Diagnostics);

        // The layout of BinaryWriter.Write(string): the byte count, then the UTF-8 bytes.
        var html = body.Html.Utf8Bytes();
        writer.Write7BitEncodedInt(html.Length);
        writer.Write(html);
        writer.Write7BitEncodedInt(body.WordCount);
        var terms = body.Terms;
        writer.Write7BitEncodedInt(terms.Tokens.Length);
        writer.Write7BitEncodedInt(terms.Positions.Length);
        for (var slot = 0; slot < terms.Tokens.Length; slot++)
        {
            writer.Write7BitEncodedInt(tokenIds[terms.Tokens[slot]]);
            var (start, end) = (terms.PositionStarts[slot], terms.PositionStarts[slot + 1]);
            writer.Write7BitEncodedInt(end - start);
            var previous = 0;
            for (var i = start; i < end; i++)
            {
                writer.Write7BitEncodedInt(terms.Positions[i] - previous);
                previous = terms.Positions[i];
            }
        }
    }
}
