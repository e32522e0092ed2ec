using System.Globalization;

namespace StaticNews.Model;

/// <summary>The settings from site.yml, validated.</summary>
public sealed record SiteConfig
{
    public required string Title { get; init; }
    public string Description { get; init; } = string.Empty;

    /// <summary>The absolute base URL, always ending with '/', e.g. https://example.org/news/.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>The path part of <see cref="BaseUrl"/>, always starting and ending with '/'.</summary>
    public required string BasePath { get; init; }

    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The texts <see cref="Culture"/> writes dates with, as the build cache kept them: null to take them from the culture.</summary>
    internal Building.CalendarTexts? KeptCalendar { get; init; }

    /// <summary>The publication's short name used in datelines, e.g. "TMC".</summary>
    public required string ShortName { get; init; }

    public string? Logo { get; init; }
    public IReadOnlyList<SocialLink> Social { get; init; } = [];
    public int PageSize { get; init; } = 10;
    public string Permalink { get; init; } = "/:slug/";
    public string DateFormat { get; init; } = "d MMMM yyyy";

    /// <summary>How many of the newest articles each feed carries.</summary>
    public int FeedSize { get; init; } = 20;

    /// <summary>What the site-wide feeds carry (site.yml 'feed_content', default full).</summary>
    public FeedContent FeedContent { get; init; } = FeedContent.Full;

    /// <summary>What category, author and tag feeds carry (site.yml 'section_feed_content', default summary: hundreds of feeds repeating whole articles would dwarf the site).</summary>
    public FeedContent SectionFeedContent { get; init; } = FeedContent.Summary;

    /// <summary>Site paths robots.txt asks crawlers to stay out of.</summary>
    public IReadOnlyList<string> RobotsDisallow { get; init; } = [];

    /// <summary>Internal links in the rendered HTML are written relative to the page, so the folder works under any path.</summary>
    public bool RelativeUrls { get; init; }
    /// <summary>site.yml 'expired_pages: remove': expired articles lose their own page too (the default, 'keep', keeps it).</summary>
    public bool RemoveExpiredPages { get; init; }
    /// <summary>Whether raw HTML in Markdown is passed through (the default: writers are trusted staff) or shown as escaped text.</summary>
    public bool MarkdownRawHtml { get; init; } = true;

    /// <summary>How many related articles an article page lists (related_count).</summary>
    public int RelatedCount { get; init; } = 4;

    /// <summary>How many of the most read articles <see cref="Site.Popular"/> holds (popular_count).</summary>
    public int PopularCount { get; init; } = 10;

    /// <summary>How long after publication a 'breaking: true' article keeps the home page banner (breaking_hours).</summary>
    public int BreakingHours { get; init; } = 6;

    /// <summary>Where "Most Popular" comes from: an analytics CSV in data/ (analytics).</summary>
    public AnalyticsSettings Analytics { get; init; } = new();

    public IReadOnlyDictionary<string, object?> Extras { get; init; } = new Dictionary<string, object?>();
}
