using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>A partial's output, reused between pages, and the articles whose bodies it read (see <see cref="HtmlTemplateContext.BodyReads"/>).</summary>
internal sealed record PartialOutput(TrustedHtml Html, Article[] BodyReads)
{
    /// <summary>The bytes the output holds.</summary>
    public long Size => Html.Utf8OrNull is { } utf8 ? utf8.Length : Html.Html.Length * (long)sizeof(char);
}
