using StaticNews.Diagnostics;
using StaticNews.Discovery;
using StaticNews.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Parsing;

/// <summary>Parses YAML into nodes that keep their positions. Malformed YAML becomes a diagnostic, never an exception.</summary>
public static class YamlLoader
{
    /// <summary>Deeper nesting than this is refused before the parser sees it, so no input can exhaust the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>A whole YAML file (site.yml, categories.yml, data files): decoded strictly, then parsed; a bad encoding leaves no root.</summary>
    public static YamlSource LoadFile(SourceFile file, DiagnosticBag diagnostics)
    {
        var decoded = SourceText.Decode(file.Bytes.Span);
        if (decoded.Error is { } error)
        {
            diagnostics.Report(error.Descriptor, SourceLocation.File(file.Path), error.Args);
            return new YamlSource(file.Path, null, 1);
        }

        return Load(file.Path, decoded.Text, 1, diagnostics);
    }

    public static YamlSource Load(string path, string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        if (ExceedsDepth(yaml, out var deepLine))
        {
            diagnostics.Report(DiagnosticCodes.YamlTooComplex, new SourceLocation(path, deepLine + firstLine - 1, 1));
            return new YamlSource(path, null, firstLine);
        }

        if (SimpleYaml.TryRead(yaml) is { } simple)
        {
            return new YamlSource(path, simple, firstLine) { Text = yaml };
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            YamlNode root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : new YamlMappingNode();

            return new YamlSource(path, root, firstLine) { Text = yaml };
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + firstLine - 1;
            var message = e.InnerException?.Message ?? e.Message;
            if (message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || message.Contains("same key", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Report(DiagnosticCodes.YamlDuplicateKey, new SourceLocation(path, line, (int)e.Start.Column), DuplicateKeyName(yaml, (int)e.Start.Line));
            }
            else if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(yaml) is var (tabLine, tabColumn))
            {
                // YamlDotNet points at the enclosing mapping; the tab itself is what the writer must find.
                diagnostics.Report(DiagnosticCodes.YamlSyntax, new SourceLocation(path, tabLine + firstLine - 1, tabColumn), "a tab is used for indentation; YAML allows only spaces there.");
            }
            else
            {
                diagnostics.Report(DiagnosticCodes.YamlSyntax, new SourceLocation(path, Math.Max(line, firstLine), Math.Max((int)e.Start.Column, 1)), Describe(message, yaml));
            }

            return new YamlSource(path, null, firstLine);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            diagnostics.Report(DiagnosticCodes.YamlSyntax, new SourceLocation(path, firstLine, 1), e.Message);
            return new YamlSource(path, null, firstLine);
        }
    }

    private static string Describe(string message, string yaml)
    {
        if (yaml.Contains('\t', StringComparison.Ordinal) && message.Contains("tab", StringComparison.OrdinalIgnoreCase) is false && message.Contains("found character", StringComparison.OrdinalIgnoreCase))
        {
            return message + " (YAML does not allow tabs for indentation; use spaces).";
        }

        return message.TrimEnd('.') + ".";
    }

    /// <summary>The 1-based line and column of the first tab in a line's leading whitespace, if any.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var end = 0;
            while (end < text.Length && text[end] is ' ' or '\t' or '-')
            {
                end++;
            }

            var tab = text.IndexOf('\t', 0, end);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static string DuplicateKeyName(string yaml, int line)
    {
        var lines = yaml.Split('\n');
        if (line >= 1 && line <= lines.Length)
        {
            var text = lines[line - 1];
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return (colon > 0 ? text[..colon] : text).Trim().TrimStart('-').Trim();
        }

        return "?";
    }

    /// <summary>A cheap scan for flow brackets nested too deep or block indentation too deep.</summary>
    private static bool ExceedsDepth(string yaml, out int line)
    {
        line = 1;
        var depth = 0;
        var lineStart = true;
        var indent = 0;
        foreach (var c in yaml)
        {
            if (c == '\n')
            {
                line++;
                lineStart = true;
                indent = 0;
                depth = 0;
                continue;
            }

            if (lineStart && c == ' ')
            {
                if (++indent > MaxDepth * 4)
                {
                    return true;
                }

                continue;
            }

            lineStart = false;
            if (c is '[' or '{')
            {
                if (++depth > MaxDepth)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
