using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>A partial's output, reused between pages, and the articles it read, their bodies apart (see <see cref="HtmlTemplateContext.Reads"/>).</summary>
internal sealed record PartialOutput(TrustedHtml Html, Article[] ArticleReads, Article[] BodyReads)
{
    /// <summary>The bytes the output holds.</summary>
    public long Size => Html.Utf8OrNull is { } utf8 ? utf8.Length : Html.Html.Length * (long)sizeof(char);
}
