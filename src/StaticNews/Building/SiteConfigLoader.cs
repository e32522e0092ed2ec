using System.Globalization;
using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Model;
using StaticNews.Parsing;

namespace StaticNews.Building;

/// <summary>Reads and validates site.yml.</summary>
internal static class SiteConfigLoader
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "title", "description", "base_url", "language", "time_zone", "short_name", "logo", "social", "page_size", "permalink", "date_format",
        "feed_size", "feed_content", "section_feed_content", "robots_disallow", "relative_urls", "expired_pages", "markdown_raw_html", "related_count", "popular_count", "breaking_hours", "analytics",
    };

    public static SiteConfig? Load(SourceFile? file, BuildOptions options, DiagnosticBag diagnostics)
    {
        if (file is null)
        {
            return null;
        }

        var document = YamlLoader.LoadFile(file, diagnostics);
        var fields = document.Root is null ? null : FieldReader.Create(document, diagnostics);
        if (fields is null)
        {
            return null;
        }

        var title = fields.String("title", required: true);
        var baseUrlText = options.BaseUrl ?? fields.String("base_url") ?? "/";
        var baseUrl = NormalizeBaseUrl(baseUrlText, out var basePath);
        if (baseUrl is null)
        {
            diagnostics.Report(DiagnosticCodes.UrlInvalid, options.BaseUrl is null ? fields.LocationOfKey("base_url") : SourceLocation.File("--base-url"), baseUrlText, "base_url");
        }

        var language = fields.String("language") ?? "en";
        CultureInfo? culture = null;
        try
        {
            culture = CultureInfo.GetCultureInfo(language, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            diagnostics.Report(DiagnosticCodes.LanguageUnknown, fields.LocationOfKey("language"), language);
        }

        var zoneName = fields.String("time_zone") ?? "UTC";
        TimeZoneInfo? zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            diagnostics.Report(DiagnosticCodes.TimeZoneUnknown, fields.LocationOfKey("time_zone"), zoneName);
        }

        var permalink = fields.String("permalink") ?? "/:slug/";
        if (Permalink.Validate(permalink) is { } problem)
        {
            diagnostics.Report(DiagnosticCodes.PermalinkInvalid, fields.LocationOfKey("permalink"), permalink, problem);
        }

        var expiredPages = fields.String("expired_pages") ?? "keep";
        if (expiredPages is not ("keep" or "remove"))
        {
            diagnostics.Report(DiagnosticCodes.ValueOutOfRange, fields.LocationOfKey("expired_pages"), "expired_pages", "'keep' (the default: an expired article keeps its page) or 'remove'");
        }

        var config = new SiteConfig
        {
            Title = title ?? string.Empty,
            Description = fields.String("description") ?? string.Empty,
            BaseUrl = baseUrl ?? "/",
            BasePath = basePath,
            Language = language,
            Culture = culture ?? CultureInfo.InvariantCulture,
            TimeZone = zone ?? TimeZoneInfo.Utc,
            ShortName = fields.String("short_name") ?? title ?? string.Empty,
            Logo = fields.Url("logo"),
            Social = fields.SocialLinks("social"),
            PageSize = fields.Int("page_size", 10, 1, 1000),
            Permalink = permalink,
            DateFormat = fields.String("date_format") ?? "d MMMM yyyy",
            FeedSize = fields.Int("feed_size", 20, 1, 1000),
            FeedContent = PublishingSettingsReader.FeedContent(fields, diagnostics),
            SectionFeedContent = PublishingSettingsReader.FeedContent(fields, diagnostics, "section_feed_content", Model.FeedContent.Summary),
            RobotsDisallow = PublishingSettingsReader.RobotsDisallow(fields, diagnostics),
            RelativeUrls = fields.Bool("relative_urls"),
            RemoveExpiredPages = expiredPages == "remove",
            MarkdownRawHtml = fields.Bool("markdown_raw_html", defaultValue: true),
            RelatedCount = fields.Int("related_count", 4, 0, 50),
            PopularCount = fields.Int("popular_count", 10, 1, 100),
            BreakingHours = fields.Int("breaking_hours", 6, 0, 24 * 365),
            Analytics = AnalyticsSettingsReader.Read(document, fields, diagnostics),
        };

        var extras = fields.Extras();
        foreach (var key in extras.Keys)
        {
            if (!KnownKeys.Contains(key) && !key.StartsWith("x_", StringComparison.Ordinal) && key is not "params")
            {
                diagnostics.Report(DiagnosticCodes.UnknownSetting, fields.LocationOfKey(key), key);
            }
        }

        return config with { Extras = extras };
    }

    /// <summary>"https://example.org/news" becomes "https://example.org/news/" with base path "/news/"; a bare path such as "/" is allowed for local builds.</summary>
    internal static string? NormalizeBaseUrl(string text, out string basePath)
    {
        basePath = "/";
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            basePath = trimmed.EndsWith('/') ? trimmed : trimmed + "/";
            return basePath;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        basePath = path;
        return uri.GetLeftPart(UriPartial.Authority) + path;
    }
}
