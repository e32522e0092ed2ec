namespace StaticNews.Search;

/// <summary>Where in an article a token was found; a bit mask in the index. The ranking weighs each (see <see cref="SearchRanker"/>).</summary>
[Flags]
public enum SearchField : byte
{
    None = 0,
    Title = 1,
    Tag = 2,
    Summary = 4,
    Byline = 8,
    Body = 16,
}
