using StaticNews.Model;

namespace StaticNews.Rendering;

/// <summary>A partial's output, reused between pages, and what it read (see <see cref="HtmlTemplateContext.Reads"/>).</summary>
internal sealed record PartialOutput(TrustedHtml Html, PartialReads Reads)
{
    /// <summary>The bytes the output holds.</summary>
    public long Size => Html.Utf8OrNull is { } utf8 ? utf8.Length : Html.Html.Length * (long)sizeof(char);
}
