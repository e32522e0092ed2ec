namespace StaticNews.Scaffolding;

/// <summary>What a scaffolding step did: the files it created (paths relative to the site), or why it refused.</summary>
public sealed record ScaffoldResult
{
    public IReadOnlyList<string> Created { get; init; } = [];

    /// <summary>Why nothing was created, written for the user; null on success.</summary>
    public string? Problem { get; init; }

    public bool Succeeded => Problem is null;

    public static ScaffoldResult Refused(string problem) => new() { Problem = problem };
}
