using StaticNews.Diagnostics;
using StaticNews.Model;
using StaticNews.Parsing;
using StaticNews.Text;

namespace StaticNews.Building;

/// <summary>Reads one article's front matter into an <see cref="ArticleDraft"/>, reporting every mistake it finds.</summary>
internal static class ArticleDraftReader
{
    public static ArticleDraft? Read(YamlSource frontMatter, SourceSplit source, SiteConfig config, UrlBuilder urls, DiagnosticBag diagnostics)
    {
        var path = source.File.Path;
        var fields = FieldReader.Create(frontMatter, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var title = fields.String("title", required: true);
        var date = fields.Date("date", config.TimeZone, required: true);
        var updated = fields.Date("updated", config.TimeZone);
        var expires = fields.Date("expires", config.TimeZone);

        var slugText = fields.String("slug");
        var slugLocation = slugText is null ? SourceLocation.File(path) : fields.LocationOfKey("slug");
        var slug = slugText ?? Slug.From(System.IO.Path.GetFileNameWithoutExtension(path));
        var slugOk = Slug.IsValid(slug);
        if (!slugOk)
        {
            diagnostics.Report(DiagnosticCodes.SlugInvalid, slugLocation, slug);
        }

        var authors = fields.StringList("authors");
        if (fields.Has("author"))
        {
            authors = [.. authors, .. fields.StringList("author")];
        }

        if (authors.Count == 0 && !fields.Has("authors") && !fields.Has("author"))
        {
            diagnostics.Report(DiagnosticCodes.AuthorMissing, fields.Start);
        }

        (string, SourceLocation)? category = null;
        if (fields.String("category") is { } categoryText)
        {
            category = (categoryText.Trim('/'), fields.LocationOfKey("category"));
        }
        else if (!fields.Has("category"))
        {
            diagnostics.Report(DiagnosticCodes.CategoryMissing, fields.Start);
        }

        var image = fields.Url("image");
        var imageAlt = fields.String("image_alt");
        var imageCaption = fields.String("image_caption");
        var tags = fields.StringList("tags");
        var summary = fields.String("summary");
        var location = fields.String("location");
        var draft = fields.Bool("draft");
        var breaking = fields.Bool("breaking");
        var related = fields.StringList("related");
        var corrections = CorrectionReader.Read(fields, frontMatter, date, config.TimeZone, diagnostics);
        var extras = fields.Extras();

        if (title is null || date is null || !slugOk)
        {
            return null;
        }

        return new ArticleDraft
        {
            Source = source,
            Slug = slug,
            SlugLocation = slugLocation,
            Title = title,
            Date = date.Value,
            Updated = updated,
            Expires = expires,
            AuthorIds = authors,
            CategoryPath = category,
            Tags = tags,
            Summary = summary,
            Location = location,
            Image = image is null ? null : new Image(urls.Resolve(image), imageAlt ?? string.Empty, imageCaption),
            Draft = draft,
            Breaking = breaking,
            Related = related,
            Corrections = corrections,
            Extras = extras,
        };
    }
}
