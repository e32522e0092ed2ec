using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace StaticNews.Tests.Infrastructure;

/// <summary>Reads the feeds of a build's output with standard parsers: SyndicationFeed for RSS and Atom, JsonDocument for JSON Feed.</summary>
public static class PublishedFeeds
{
    public static SyndicationFeed Load(BuildResult result, string path)
    {
        using var reader = XmlReader.Create(new MemoryStream(Bytes(result, path).ToArray()));
        return SyndicationFeed.Load(reader);
    }

    public static JsonDocument Json(BuildResult result, string path) => JsonDocument.Parse(Bytes(result, path));

    public static string Text(BuildResult result, string path) => Encoding.UTF8.GetString(Bytes(result, path).Span);

    /// <summary>The file from the result of a render or check (held in memory), or from the output folder a build wrote.</summary>
    public static ReadOnlyMemory<byte> Bytes(BuildResult result, string path)
    {
        if (result.Files.Count == 0 && result.FilesWritten + result.FilesKept > 0)
        {
            var written = Path.Combine(result.OutputPath, path);
            Assert.True(File.Exists(written), $"The build wrote no file '{path}' to {result.OutputPath}.");
            return File.ReadAllBytes(written);
        }

        var file = result.Files.SingleOrDefault(f => f.Path == path);
        Assert.True(file is not null, $"The build has no file '{path}'. Files: {string.Join(", ", result.Files.Select(f => f.Path))}");
        return file.Content;
    }
}
