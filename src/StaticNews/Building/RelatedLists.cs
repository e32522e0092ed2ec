namespace StaticNews.Building;

/// <summary>Every article's related articles as positions in the site's article list, and the fingerprint of what they were computed from.</summary>
internal sealed record RelatedLists(string Inputs, int[][] Lists);
