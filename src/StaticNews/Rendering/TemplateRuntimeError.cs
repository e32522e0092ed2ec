using StaticNews.Diagnostics;

namespace StaticNews.Rendering;

/// <summary>A template's failure at <paramref name="Location"/> while rendering the page at <paramref name="PageIndex"/> of the site's pages.</summary>
internal sealed record TemplateRuntimeError(int PageIndex, string PageUrl, SourceLocation Location, string Message)
{
    /// <summary>What makes two failures one mistake: the same place in the same template, failing the same way.</summary>
    public string Key => $"{Location}\n{Message}";
}
