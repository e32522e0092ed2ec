namespace StaticNews.Model;

/// <summary>An image with the text a reader needs when it cannot be seen.</summary>
public sealed record Image(string Url, string Alt, string? Caption);
