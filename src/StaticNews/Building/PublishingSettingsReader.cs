using StaticNews.Diagnostics;
using StaticNews.Model;

namespace StaticNews.Building;

/// <summary>Reads the site.yml settings of feeds and robots.txt that need more than a type check.</summary>
internal static class PublishingSettingsReader
{
    public static FeedContent FeedContent(FieldReader fields, DiagnosticBag diagnostics, string key = "feed_content", FeedContent defaultValue = Model.FeedContent.Full)
    {
        switch (fields.String(key))
        {
            case null:
                return defaultValue;
            case "full":
                return Model.FeedContent.Full;
            case "summary":
                return Model.FeedContent.Summary;
            case { } other:
                diagnostics.Report(DiagnosticCodes.FeedContentUnknown, fields.LocationOfKey(key), key, other);
                return defaultValue;
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
