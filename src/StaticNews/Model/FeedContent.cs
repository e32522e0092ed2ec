namespace StaticNews.Model;

/// <summary>What a feed item carries: the whole article, or its summary only.</summary>
public enum FeedContent
{
    Full,
    Summary,
}
