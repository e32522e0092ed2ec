using System.Globalization;
using StaticNews.Diagnostics;
using StaticNews.Parsing;
using StaticNews.Text;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Building;

/// <summary>Reads typed fields from a YAML mapping, reporting each mistake at the line and column of the value.</summary>
internal sealed class FieldReader
{
    private const int MaxExtraNodes = 10_000;
    private readonly YamlSource _document;
    private readonly YamlMappingNode _mapping;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private FieldReader(YamlSource document, YamlMappingNode mapping, DiagnosticBag diagnostics)
    {
        _document = document;
        _mapping = mapping;
        _diagnostics = diagnostics;
    }

    public string Path => _document.Path;

    public static FieldReader? Create(YamlSource document, DiagnosticBag diagnostics)
    {
        if (document.Root is YamlMappingNode mapping)
        {
            return new FieldReader(document, mapping, diagnostics);
        }

        if (document.Root is { } root)
        {
            diagnostics.Report(DiagnosticCodes.YamlNotMapping, document.Root is null ? SourceLocation.File(document.Path) : new SourceLocation(document.Path, document.LineOf(root), YamlSource.ColumnOf(root)));
        }

        return null;
    }

    public static FieldReader? Create(YamlSource document, YamlNode node, DiagnosticBag diagnostics)
    {
        if (node is YamlMappingNode mapping)
        {
            return new FieldReader(document, mapping, diagnostics);
        }

        diagnostics.Report(DiagnosticCodes.YamlNotMapping, new SourceLocation(document.Path, document.LineOf(node), YamlSource.ColumnOf(node)));
        return null;
    }

    /// <summary>Where the mapping starts: used for "field missing" diagnostics.</summary>
    public SourceLocation Start => new(_document.Path, Math.Max(_document.LineOf(_mapping), _document.FirstLine), Math.Max(YamlSource.ColumnOf(_mapping), 1));

    public SourceLocation LocationOf(YamlNode node) => new(_document.Path, _document.LineOf(node), YamlSource.ColumnOf(node));

    public SourceLocation LocationOfKey(string key) => Node(key, markKnown: false) is { } node ? LocationOf(node) : Start;

    public bool Has(string key) => Node(key, markKnown: false) is not null;

    public YamlNode? Node(string key, bool markKnown = true)
    {
        if (markKnown)
        {
            _known.Add(key);
        }

        foreach (var pair in _mapping.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return null;
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null || IsNull(node))
        {
            if (required)
            {
                _diagnostics.Report(DiagnosticCodes.FieldRequired, node is null ? Start : LocationOf(node), key);
            }

            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            _diagnostics.Report(DiagnosticCodes.FieldWrongType, LocationOf(node), key, "a single value (text)");
            return null;
        }

        var value = scalar.Value?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            _diagnostics.Report(required ? DiagnosticCodes.FieldRequired : DiagnosticCodes.FieldEmpty, LocationOf(node), key);
            return null;
        }

        return value;
    }

    public bool Bool(string key, bool defaultValue = false)
    {
        var node = Node(key);
        if (node is null)
        {
            return defaultValue;
        }

        if (node is YamlScalarNode { Value: { } text })
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    return true;
                case "false" or "no" or "off":
                    return false;
            }
        }

        _diagnostics.Report(DiagnosticCodes.FieldWrongType, LocationOf(node), key, "true or false");
        return defaultValue;
    }

    public int Int(string key, int defaultValue, int min, int max)
    {
        var node = Node(key);
        if (node is null)
        {
            return defaultValue;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _diagnostics.Report(DiagnosticCodes.ValueOutOfRange, LocationOf(node), key, $"a whole number from {min} to {max}");
        return defaultValue;
    }

    /// <summary>A list of texts; a single value is taken as a list of one.</summary>
    public IReadOnlyList<(string Value, SourceLocation Location)> StringList(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar when IsNull(scalar):
                return [];
            case YamlScalarNode { Value: { } single }:
                return string.IsNullOrWhiteSpace(single) ? [] : [(single.Trim(), LocationOf(node))];
            case YamlSequenceNode sequence:
                var items = new List<(string, SourceLocation)>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
                    {
                        items.Add((text.Trim(), LocationOf(item)));
                    }
                    else
                    {
                        _diagnostics.Report(DiagnosticCodes.FieldWrongType, LocationOf(item), key, "a list of texts");
                    }
                }

                return items;
            default:
                _diagnostics.Report(DiagnosticCodes.FieldWrongType, LocationOf(node), key, "a text or a list of texts, such as [a, b]");
                return [];
        }
    }

    public DateTimeOffset? Date(string key, TimeZoneInfo zone, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (DateParser.TryParse(text, zone, out var value))
        {
            return value;
        }

        _diagnostics.Report(DiagnosticCodes.DateInvalid, LocationOf(Node(key)!), text);
        return null;
    }

    /// <summary>A URL for a link or an image: absolute http(s), or a site path. Script URLs and the like are refused.</summary>
    public string? Url(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (UrlRules.IsSafeLink(text))
        {
            return text;
        }

        _diagnostics.Report(DiagnosticCodes.UrlInvalid, LocationOf(Node(key)!), text, key);
        return null;
    }

    public IReadOnlyList<Model.SocialLink> SocialLinks(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return [];
        }

        var links = new List<Model.SocialLink>();
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (Create(_document, item, _diagnostics) is { } entry && entry.String("name", required: true) is { } name && entry.Url("url") is { } url)
                    {
                        links.Add(new Model.SocialLink(name, url));
                    }
                }

                break;
            case YamlMappingNode mapping:
                foreach (var pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode { Value: { } name } && pair.Value is YamlScalarNode { Value: { } url } && UrlRules.IsSafeLink(url))
                    {
                        links.Add(new Model.SocialLink(name, url));
                    }
                    else
                    {
                        _diagnostics.Report(DiagnosticCodes.FieldWrongType, LocationOf(pair.Value), key, "a list of links with 'name' and 'url'");
                    }
                }

                break;
            default:
                _diagnostics.Report(DiagnosticCodes.FieldWrongType, LocationOf(node), key, "a list of links with 'name' and 'url'");
                break;
        }

        return links;
    }

    /// <summary>Keys no reader asked for, converted to plain values for templates.</summary>
    public IReadOnlyDictionary<string, object?> Extras()
    {
        var extras = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var budget = MaxExtraNodes;
        foreach (var pair in _mapping.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } name } && !_known.Contains(name))
            {
                extras[name] = ToPlain(pair.Value, 0, ref budget);
            }
        }

        if (budget < 0)
        {
            _diagnostics.Report(DiagnosticCodes.YamlTooComplex, Start);
            return new Dictionary<string, object?>();
        }

        return extras;
    }

    private static object? ToPlain(YamlNode node, int depth, ref int budget)
    {
        if (--budget < 0 || depth > YamlLoader.MaxDepth)
        {
            budget = -1;
            return null;
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return IsNull(scalar) ? null : scalar.Value;
            case YamlSequenceNode sequence:
                var list = new List<object?>(sequence.Children.Count);
                foreach (var child in sequence.Children)
                {
                    list.Add(ToPlain(child, depth + 1, ref budget));
                }

                return list;
            case YamlMappingNode mapping:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var pair in mapping.Children)
                {
                    if (pair.Key is YamlScalarNode { Value: { } key })
                    {
                        map[key] = ToPlain(pair.Value, depth + 1, ref budget);
                    }
                }

                return map;
            default:
                return null;
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted), Value: null or "" or "~" or "null" };
}
