namespace StaticNews.Tests.Differential;

/// <summary>What a build is run with besides the site's files, which a newsroom changes between builds too: the time it runs and its options.</summary>
internal sealed record BuildSettings(DateTimeOffset Now, bool Drafts, bool Future, bool Strict, string? BaseUrl)
{
    public static BuildSettings Initial { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), Drafts: false, Future: false, Strict: false, BaseUrl: null);

    public override string ToString() =>
        $"now {Now:yyyy-MM-dd HH:mm}Z{(Drafts ? ", --drafts" : "")}{(Future ? ", --future" : "")}{(Strict ? ", --strict" : "")}{(BaseUrl is null ? "" : ", --base-url " + BaseUrl)}";
}
