using System.IO.Hashing;
using System.Text;
using StaticNews.Building;

namespace StaticNews.Incremental;

/// <summary>
/// The article bodies the last successful build rendered, beside the build cache: a body whose file, dateline and linked
/// articles are unchanged is taken from here instead of being rendered again, diagnostics included. The file holds the
/// engine version and a fingerprint of the settings bodies depend on (site.yml, base URL) and ends with a checksum; any
/// mismatch or damage means an empty cache, never a wrong body.
/// </summary>
internal sealed class BodyCache
{
    public const string FileName = "bodies.bin";

    private const string Magic = "StaticNews bodies";
    private const int FormatVersion = 1;
    private const int ChecksumLength = 16;

    private readonly Dictionary<string, RenderedBody> _bodies;

    private BodyCache(Dictionary<string, RenderedBody> bodies)
    {
        _bodies = bodies;
    }

    public static BodyCache Empty => new(new Dictionary<string, RenderedBody>(StringComparer.Ordinal));

    public int Count => _bodies.Count;

    /// <summary>The cached render for <paramref name="key"/>, if every article it linked to still has the title and URL it had then.</summary>
    public RenderedBody? Find(string key, IReadOnlyDictionary<string, ArticleTarget> articlesBySlug)
    {
        if (!_bodies.TryGetValue(key, out var body))
        {
            return null;
        }

        foreach (var link in body.Links)
        {
            if (!link.StillHolds(articlesBySlug))
            {
                return null;
            }
        }

        return body;
    }

    /// <summary>Fingerprint of the settings every body render depends on.</summary>
    public static string ContextOf(ReadOnlySpan<byte> siteConfig, string? baseUrlOverride) =>
        new Fingerprint().Add(EngineIdentity.Version).Add(siteConfig).Add(baseUrlOverride).Finish();

    public static BodyCache Load(string folder, string context)
    {
        try
        {
            var path = Path.Combine(folder, FileName);
            if (!File.Exists(path))
            {
                return Empty;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < ChecksumLength || !XxHash128.Hash(bytes.AsSpan(0, bytes.Length - ChecksumLength)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
            {
                return Empty;
            }

            using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - ChecksumLength), Encoding.UTF8);
            if (reader.ReadString() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadString() != context)
            {
                return Empty;
            }

            var count = reader.ReadInt32();
            var bodies = new Dictionary<string, RenderedBody>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var body = ReadBody(reader);
                bodies[body.Key] = body;
            }

            return new BodyCache(bodies);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or OverflowException or OutOfMemoryException)
        {
            return Empty;
        }
    }

    public static void Save(string folder, string context, IReadOnlyCollection<RenderedBody> bodies)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        using (var file = File.Create(path + ".tmp"))
        {
            using (var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(context);
                writer.Write(bodies.Count);
                foreach (var body in bodies)
                {
                    WriteBody(writer, body);
                }
            }

            file.Position = 0;
            var checksum = new XxHash128();
            checksum.Append(file);
            file.Write(checksum.GetCurrentHash());
        }

        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static void WriteBody(BinaryWriter writer, RenderedBody body)
    {
        writer.Write(body.Key);
        writer.Write(body.Html);
        writer.Write(body.Diagnostics.Count);
        foreach (var diagnostic in body.Diagnostics)
        {
            writer.Write(diagnostic.Code);
            writer.Write(diagnostic.Path);
            writer.Write(diagnostic.Line);
            writer.Write(diagnostic.Column);
            writer.Write(diagnostic.Message);
            writer.Write(diagnostic.IsError);
        }

        writer.Write(body.Links.Count);
        foreach (var link in body.Links)
        {
            writer.Write(link.Slug);
            writer.Write(link.Title is not null);
            writer.Write(link.Title ?? string.Empty);
            writer.Write(link.Url ?? string.Empty);
        }
    }

    private static RenderedBody ReadBody(BinaryReader reader)
    {
        var key = reader.ReadString();
        var html = reader.ReadString();
        var diagnostics = new CachedDiagnostic[reader.ReadInt32()];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            diagnostics[i] = new CachedDiagnostic(reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString(), reader.ReadBoolean());
        }

        var links = new BodyLink[reader.ReadInt32()];
        for (var i = 0; i < links.Length; i++)
        {
            var slug = reader.ReadString();
            var found = reader.ReadBoolean();
            var title = reader.ReadString();
            var url = reader.ReadString();
            links[i] = found ? new BodyLink(slug, title, url) : new BodyLink(slug, null, null);
        }

        return new RenderedBody(key, html, diagnostics, links);
    }
}
