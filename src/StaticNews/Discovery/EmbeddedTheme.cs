using System.Reflection;

namespace StaticNews.Discovery;

/// <summary>The default theme (the repository's templates/ folder), embedded into the engine assembly.</summary>
internal static class EmbeddedTheme
{
    private const string Prefix = "theme/";

    public static IEnumerable<(string Name, Func<ReadOnlyMemory<byte>> Read)> Files()
    {
        var assembly = typeof(EmbeddedTheme).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                yield return (resource[Prefix.Length..], () => ReadResource(assembly, resource));
            }
        }
    }

    private static ReadOnlyMemory<byte> ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded theme file '{name}' is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
