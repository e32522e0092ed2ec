namespace StaticNews.Building;

/// <summary>What a part of a <see cref="PermalinkPattern"/> puts after its literal text.</summary>
internal enum PermalinkToken
{
    None,
    Slug,
    Year,
    Month,
    Day,
    Category,
    Section,
}
