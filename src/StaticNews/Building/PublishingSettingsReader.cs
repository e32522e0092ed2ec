using StaticNews.Diagnostics;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>Reads the site.yml settings of feeds and robots.txt that need more than a type check.</summary>
internal static class PublishingSettingsReader
{
    public static FeedContent FeedContent(FieldReader fields, DiagnosticBag diagnostics)
    {
        switch (fields.String("feed_content"))
        {
            case null or "full":
                return Model.FeedContent.Full;
            case "summary":
                return Model.FeedContent.Summary;
            case { } other:
                diagnostics.Report(DiagnosticCodes.FeedContentUnknown, fields.LocationOfKey("feed_content"), other);
                return Model.FeedContent.Full;
        }
    }

    public static IReadOnlyList<string> RobotsDisallow(FieldReader fields, DiagnosticBag diagnostics)
    {
        var paths = new List<string>();
        foreach (var (path, location) in fields.StringList("robots_disallow"))
        {
            if (path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            {
                paths.Add(path);
            }
            else
            {
                diagnostics.Report(DiagnosticCodes.RobotsPathInvalid, location, path);
            }
        }

        return paths;
    }
}
