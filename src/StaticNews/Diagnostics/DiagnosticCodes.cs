namespace StaticNews.Diagnostics;

/// <summary>Every diagnostic StaticNews reports. Codes are stable: documentation and CI filters refer to them.</summary>
public static class DiagnosticCodes
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    // Files and encodings
    public static readonly DiagnosticDescriptor FileNotUtf8 = new("SN0001", E, "The file is not valid UTF-8 (bad byte at offset {0}); save it as UTF-8.");
    public static readonly DiagnosticDescriptor FileUnreadable = new("SN0002", E, "The file cannot be read: {0}");
    public static readonly DiagnosticDescriptor FileIsUtf16 = new("SN0003", E, "The file is UTF-16 encoded; save it as UTF-8.");
    public static readonly DiagnosticDescriptor FileHasNul = new("SN0004", E, "The file contains a NUL character; remove it (the file may be binary or damaged).");
    public static readonly DiagnosticDescriptor FileTooLarge = new("SN0005", E, "The file is {0} bytes, over the {1}-byte limit for content files; split it.");
    public static readonly DiagnosticDescriptor SiteConfigMissing = new("SN0006", E, "No site.yml found in '{0}'; run 'staticnews init' or point to a site folder.");
    public static readonly DiagnosticDescriptor FolderLinkNotFollowed = new("SN0007", W, "This is a link to a folder, which StaticNews does not follow (a link can lead back to a folder that holds it); move or copy the files it points to into the site.");

    // Front matter and YAML
    public static readonly DiagnosticDescriptor FrontMatterMissing = new("SN0101", E, "The file has no front matter; start it with a line '---', the YAML fields, and a closing '---'.");
    public static readonly DiagnosticDescriptor FrontMatterUnclosed = new("SN0102", E, "The front matter opened here is never closed; add a line '---' after the last field.");
    public static readonly DiagnosticDescriptor YamlSyntax = new("SN0103", E, "The YAML is malformed: {0}");
    public static readonly DiagnosticDescriptor YamlNotMapping = new("SN0104", E, "Expected a mapping of 'key: value' fields here.");
    public static readonly DiagnosticDescriptor YamlDuplicateKey = new("SN0105", E, "The key '{0}' appears twice; keep one.");
    public static readonly DiagnosticDescriptor YamlTooComplex = new("SN0106", E, "The YAML is too deeply nested or expands too many aliases; simplify it.");

    // Fields
    public static readonly DiagnosticDescriptor FieldRequired = new("SN0201", E, "The required field '{0}' is missing; add '{0}: …' to the front matter.");
    public static readonly DiagnosticDescriptor FieldWrongType = new("SN0202", E, "The field '{0}' must be {1}.");
    public static readonly DiagnosticDescriptor FieldEmpty = new("SN0203", E, "The field '{0}' is empty; give it a value or remove it.");
    public static readonly DiagnosticDescriptor DateInvalid = new("SN0204", E, "'{0}' is not a date; write it as YYYY-MM-DD, optionally with a time (YYYY-MM-DD HH:MM) and an offset (+05:00).");
    public static readonly DiagnosticDescriptor UrlInvalid = new("SN0205", E, "'{0}' is not a usable URL for '{1}'; use an absolute http(s) URL or a site path starting with '/'.");
    public static readonly DiagnosticDescriptor SlugInvalid = new("SN0206", E, "The slug '{0}' is not usable; use lowercase letters, digits and hyphens.");
    public static readonly DiagnosticDescriptor TimeZoneUnknown = new("SN0207", E, "The time zone '{0}' is unknown; use an IANA name such as 'Europe/London' or 'Asia/Karachi'.");
    public static readonly DiagnosticDescriptor LanguageUnknown = new("SN0208", E, "The language '{0}' is not a known culture name; use a tag such as 'en', 'en-GB' or 'ur'.");
    public static readonly DiagnosticDescriptor PermalinkInvalid = new("SN0209", E, "The permalink '{0}' is not usable: {1}");
    public static readonly DiagnosticDescriptor ValueOutOfRange = new("SN0210", E, "The field '{0}' must be {1}.");
    public static readonly DiagnosticDescriptor UnknownSetting = new("SN0211", W, "The setting '{0}' is not known and is ignored; check its spelling.");

    // References and site structure
    public static readonly DiagnosticDescriptor AuthorUnknown = new("SN0301", E, "The author '{0}' does not exist; add authors/{0}.md or use one of: {1}.");
    public static readonly DiagnosticDescriptor CategoryUnknown = new("SN0302", E, "The category '{0}' is not in categories.yml; use one of: {1}.");
    public static readonly DiagnosticDescriptor SlugDuplicate = new("SN0303", E, "The slug '{0}' is also used by {1}; give one of them another 'slug'.");
    public static readonly DiagnosticDescriptor CategoryDuplicate = new("SN0304", E, "The category '{0}' is defined twice; give one of them another slug.");
    public static readonly DiagnosticDescriptor UrlCollision = new("SN0305", E, "The page URL '{0}' is also produced by {1}; change a slug or the permalink pattern.");
    public static readonly DiagnosticDescriptor AuthorMissing = new("SN0306", W, "The article names no author; add 'authors: [id]'.");
    public static readonly DiagnosticDescriptor CategoryMissing = new("SN0307", W, "The article has no category; add 'category: path' so it appears in a section.");
    public static readonly DiagnosticDescriptor PopularSlugUnknown = new("SN0308", W, "The slug '{0}' in the most-popular list matches no published article; it is left out.");
    public static readonly DiagnosticDescriptor NoArticles = new("SN0309", W, "The site has no published articles.");

    // Markdown and shortcodes
    public static readonly DiagnosticDescriptor ShortcodeUnknown = new("SN0401", E, "The shortcode '{0}' is unknown; known shortcodes: {1}.");
    public static readonly DiagnosticDescriptor ShortcodeArgument = new("SN0402", E, "The shortcode '{0}' {1}.");
    public static readonly DiagnosticDescriptor AlsoReadUnknown = new("SN0403", E, "The also-read target '{0}' matches no article slug; check the slug of the article you mean.");
    public static readonly DiagnosticDescriptor ShortcodeUnclosed = new("SN0404", E, "The shortcode is not closed; end it with ' >}}'.");

    // Templates
    public static readonly DiagnosticDescriptor TemplateSyntax = new("SN0501", E, "Template error: {0}");
    public static readonly DiagnosticDescriptor TemplateRuntime = new("SN0502", E, "Template error while rendering {0}: {1}");
    public static readonly DiagnosticDescriptor TemplateMissing = new("SN0503", E, "The theme has no template '{0}'.");

    // Output
    public static readonly DiagnosticDescriptor OutputUnsafe = new("SN0601", E, "The output folder '{0}' is refused: {1}");
    public static readonly DiagnosticDescriptor OutputPathUnsafe = new("SN0602", E, "The page path '{0}' would be written outside the output folder or is not a valid file name; change the slug or permalink.");

    // Publishing: feeds, sitemaps, corrections
    public static readonly DiagnosticDescriptor CorrectionTypeUnknown = new("SN0701", E, "The correction type '{0}' is unknown; use 'correction' or 'update'.");
    public static readonly DiagnosticDescriptor CorrectionKeyUnknown = new("SN0702", W, "The key '{0}' is not known in a correction and is ignored; a correction has 'date', 'note' and optionally 'type'.");
    public static readonly DiagnosticDescriptor CorrectionBeforeArticle = new("SN0703", W, "The correction is dated before the article itself ({0}); check its date.");
    public static readonly DiagnosticDescriptor FeedContentUnknown = new("SN0704", E, "'{0}' is '{1}'; use 'full' (the whole article) or 'summary'.");
    public static readonly DiagnosticDescriptor RobotsPathInvalid = new("SN0705", E, "'{0}' in 'robots_disallow' is not a site path; write paths starting with '/', such as /drafts/.");
    // The writer's workflow: links and images checked by 'staticnews check'
    public static readonly DiagnosticDescriptor LinkBroken = new("SN0801", E, "The link '{0}' leads to no page or file of the site; {1}.");
    public static readonly DiagnosticDescriptor AnchorMissing = new("SN0802", E, "The link '{0}' points to '#{1}', which is not an id on {2}; ids there: {3}.");
    public static readonly DiagnosticDescriptor ImageMissing = new("SN0803", E, "The image '{0}' does not exist; add {1} or fix the path.");
    // Reliability and trust
    public static readonly DiagnosticDescriptor MarkdownTooDeep = new("SN0901", E, "The Markdown is nested more than {0} levels deep (quotes, lists, emphasis or links inside each other); flatten it.");
    public static readonly DiagnosticDescriptor RawHtmlEscaped = new("SN0902", W, "Raw HTML '{0}' is shown as text because site.yml sets 'markdown_raw_html: false'; use Markdown or a shortcode instead.");
    public static readonly DiagnosticDescriptor UnsafeLinkRemoved = new("SN0904", W, "The link '{0}' is not an http(s), mailto or site URL and is removed because site.yml sets 'markdown_raw_html: false'.");
    public static readonly DiagnosticDescriptor OutputPathConflict = new("SN0903", E, "The output path '{0}' is needed both as a file and as a folder (for '{1}'); rename the static file or change the slug.");

    // Discovery: related articles, most read, breaking news
    public static readonly DiagnosticDescriptor RelatedSlugUnknown = new("SN1001", W, "The related article '{0}' matches no other published article; it is left out. Check the slug.");
    public static readonly DiagnosticDescriptor AnalyticsRowMalformed = new("SN1002", W, "The analytics row is malformed ({0}); it is skipped.");
    public static readonly DiagnosticDescriptor AnalyticsPathUnknown = new("SN1003", W, "The path '{0}' in the analytics file matches no published article; it is left out.");
    public static readonly DiagnosticDescriptor AnalyticsColumnMissing = new("SN1004", E, "The analytics file has no column '{0}'; its header has: {1}. Set 'analytics: {{ {2}: … }}' in site.yml.");
}
