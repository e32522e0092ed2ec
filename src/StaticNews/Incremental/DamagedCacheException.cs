namespace StaticNews.Incremental;

/// <summary>
/// A cache file's payload did not match its checksum when it was first read (<see cref="CheckedPayload"/>): the build that
/// read it starts again without that file (see <see cref="SiteGenerator"/>), so a damaged cache never gives a wrong page.
/// </summary>
internal sealed class DamagedCacheException(string path)
    : Exception($"The cache file '{path}' is damaged: a stored entry does not match its checksum.")
{
    /// <summary>The damaged file, in the cache folder.</summary>
    public string Path { get; } = path;

    /// <summary>The damaged cache file <paramref name="exception"/> reports, itself or among the exceptions it gathers; null for none.</summary>
    public static string? PathIn(Exception exception) => exception switch
    {
        DamagedCacheException damaged => damaged.Path,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.Select(PathIn).FirstOrDefault(path => path is not null),
        _ when exception.InnerException is { } inner => PathIn(inner),
        _ => null,
    };
}
