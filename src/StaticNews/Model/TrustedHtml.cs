namespace StaticNews.Model;

/// <summary>HTML the engine produced and vouches for (rendered Markdown, partial output). Templates print it unescaped; every other value is escaped.</summary>
public sealed record TrustedHtml(string Html)
{
    public static TrustedHtml Empty { get; } = new(string.Empty);

    public bool IsEmpty => Html.Length == 0;

    public override string ToString() => Html;
}
