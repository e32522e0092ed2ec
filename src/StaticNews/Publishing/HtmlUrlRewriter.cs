using System.Text;
using System.Text.RegularExpressions;

namespace StaticNews.Publishing;

/// <summary>
/// Rewrites the URLs of href, src, srcset, poster and (form) action attributes in HTML StaticNews rendered. The map sees each URL as written
/// (HTML-encoded) and returns its replacement, or null to keep it.
/// </summary>
internal static partial class HtmlUrlRewriter
{
    public static string Rewrite(string html, Func<string, string?> map)
    {
        var changed = false;
        var result = UrlAttribute().Replace(html, match =>
        {
            var value = match.Groups["dq"].Success ? match.Groups["dq"] : match.Groups["sq"];
            var name = match.Groups["name"].Value;
            var rewritten = string.Equals(name, "srcset", StringComparison.OrdinalIgnoreCase) ? RewriteSrcset(value.Value, map) : map(value.Value);
            if (rewritten is null || rewritten == value.Value)
            {
                return match.Value;
            }

            changed = true;
            var start = value.Index - match.Index;
            return string.Concat(match.ValueSpan[..start], rewritten, match.ValueSpan[(start + value.Length)..]);
        });
        return changed ? result : html;
    }

    private static string? RewriteSrcset(string srcset, Func<string, string?> map)
    {
        var builder = new StringBuilder(srcset.Length);
        var changed = false;
        foreach (var candidate in srcset.Split(','))
        {
            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            var trimmed = candidate.TrimStart();
            builder.Append(candidate.AsSpan(0, candidate.Length - trimmed.Length));
            var space = trimmed.IndexOfAny([' ', '\t', '\n']);
            var url = space < 0 ? trimmed : trimmed[..space];
            var mapped = map(url);
            changed |= mapped is not null && mapped != url;
            builder.Append(mapped ?? url).Append(space < 0 ? string.Empty : trimmed[space..]);
        }

        return changed ? builder.ToString() : null;
    }

    [GeneratedRegex("""(?<=[\s"'])(?<name>href|src|srcset|poster|action)\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)')""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlAttribute();
}
