namespace StaticNews.Rendering;

/// <summary>What one template reads, assigns and includes, as far as its syntax tree shows.</summary>
internal sealed class PartialFacts
{
    public HashSet<string> Reads { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Assigns { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Includes { get; } = new(StringComparer.Ordinal);
    public bool AllIncludesLiteral { get; set; } = true;
}
