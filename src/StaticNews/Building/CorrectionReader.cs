using StaticNews.Diagnostics;
using StaticNews.Model;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Building;

/// <summary>Reads an article's 'corrections' list: mappings with 'date', 'note' and an optional 'type' (correction or update).</summary>
internal static class CorrectionReader
{
    private static readonly string[] KnownKeys = ["date", "note", "type"];

    public static IReadOnlyList<Correction> Read(FieldReader fields, Parsing.YamlSource document, DateTimeOffset? articleDate, TimeZoneInfo zone, DiagnosticBag diagnostics)
    {
        var node = fields.Node("corrections");
        switch (node)
        {
            case null:
            case YamlScalarNode { Value: null or "" or "~" or "null" }:
                return [];
            case YamlSequenceNode sequence:
                var corrections = new List<Correction>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    if (ReadOne(document, item, articleDate, zone, diagnostics) is { } correction)
                    {
                        corrections.Add(correction);
                    }
                }

                return [.. corrections.OrderBy(c => c.Date)];
            default:
                diagnostics.Report(DiagnosticCodes.FieldWrongType, fields.LocationOf(node), "corrections", "a list of corrections, each with 'date' and 'note'");
                return [];
        }
    }

    private static Correction? ReadOne(Parsing.YamlSource document, YamlNode item, DateTimeOffset? articleDate, TimeZoneInfo zone, DiagnosticBag diagnostics)
    {
        if (FieldReader.Create(document, item, diagnostics) is not { } entry)
        {
            return null;
        }

        var date = entry.Date("date", zone, required: true);
        var note = entry.String("note", required: true);
        var kind = CorrectionKind.Correction;
        if (entry.String("type") is { } type)
        {
            switch (type.ToLowerInvariant())
            {
                case "correction":
                    break;
                case "update":
                    kind = CorrectionKind.Update;
                    break;
                default:
                    diagnostics.Report(DiagnosticCodes.CorrectionTypeUnknown, entry.LocationOfKey("type"), type);
                    return null;
            }
        }

        foreach (var key in entry.Extras().Keys)
        {
            if (!KnownKeys.Contains(key, StringComparer.Ordinal))
            {
                diagnostics.Report(DiagnosticCodes.CorrectionKeyUnknown, entry.LocationOfKey(key), key);
            }
        }

        if (date is { } when && articleDate is { } published && when < published)
        {
            diagnostics.Report(DiagnosticCodes.CorrectionBeforeArticle, entry.LocationOfKey("date"), published.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture));
        }

        return date is null || note is null ? null : new Correction(date.Value, note, kind);
    }
}
