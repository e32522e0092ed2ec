using Markdig;
using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>Turns parsed authors/ID.md files into authors. The file name is the id articles refer to.</summary>
internal static class AuthorLoader
{
    public static Author? Load(ParsedDocument document, UrlBuilder urls, MarkdownPipeline pipeline, bool allowRawHtml, DiagnosticBag diagnostics)
    {
        var fields = FieldReader.Create(document.FrontMatter, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var id = System.IO.Path.GetFileNameWithoutExtension(document.Path);
        if (!Text.Slug.IsValid(id))
        {
            diagnostics.Report(DiagnosticCodes.SlugInvalid, SourceLocation.File(document.Path), id);
            return null;
        }

        var name = fields.String("name", required: true);
        var website = fields.Url("website");
        var avatar = fields.Url("avatar");
        var author = new Author
        {
            Id = id,
            Name = name ?? id,
            Role = fields.String("role"),
            Website = website,
            Avatar = avatar is null ? null : urls.Resolve(avatar),
            Social = fields.SocialLinks("social"),
            Bio = new TrustedHtml(MarkdownBody.Parse(document, pipeline, allowRawHtml, diagnostics)?.ToHtml(pipeline).Trim() ?? string.Empty),
            Url = urls.Author(id),
            SourcePath = document.Path,
        };
        return name is null ? null : author;
    }
}
