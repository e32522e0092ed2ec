using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Parsing;

/// <summary>
/// Reads the YAML most site files are straight into YamlDotNet's nodes, with the positions YamlDotNet would give them: block
/// mappings and block lists nested by indentation (<c>key: value</c> lines, <c>- item</c> lines, <c>- key: value</c> items),
/// every value a scalar on its line (plain, or quoted without escapes) or a one-line list <c>[a, "b"]</c>. Front matters,
/// <c>site.yml</c>, <c>categories.yml</c> and lists of slugs are nearly always that. It is a shortcut, not a second YAML
/// parser: anything else (comments, flow mappings, anchors, tags, escapes, multi-line or doubtful scalars, empty values,
/// duplicate keys, irregular indentation, unusual characters) makes it give up, and YamlDotNet reads the text as before,
/// errors and all. A tenth of a cold build went to YamlDotNet's scanner, parser and events for flat front matters, and an
/// edit's own YAML (<c>site.yml</c> and <c>categories.yml</c>) took a millisecond of it.
/// </summary>
internal static class SimpleYaml
{
    /// <summary>The node <paramref name="yaml"/> holds, as YamlDotNet would read it; null when the text is not that simple.</summary>
    public static YamlNode? TryRead(string yaml)
    {
        if (!HasOnlyPlainCharacters(yaml) || Lines(yaml) is not { Count: > 0 } lines)
        {
            return null;
        }

        var reader = new BlockReader(yaml, lines);
        return reader.ReadNode(0) is { } root && reader.AtEnd ? root : null;
    }

    /// <summary>The lines holding anything but spaces, each with where it starts and ends (line break excluded) and its indentation.</summary>
    private static List<TextLine> Lines(string yaml)
    {
        var lines = new List<TextLine>();
        var number = 1;
        var lineStart = 0;
        while (lineStart < yaml.Length)
        {
            var newline = yaml.IndexOf('\n', lineStart);
            var next = newline < 0 ? yaml.Length : newline + 1;
            var end = newline < 0 ? yaml.Length : newline;
            if (end > lineStart && yaml[end - 1] == '\r')
            {
                end--;
            }

            var indent = yaml.AsSpan(lineStart, end - lineStart).IndexOfAnyExcept(' ');
            if (indent >= 0)
            {
                lines.Add(new TextLine(lineStart, end, number, indent));
            }

            lineStart = next;
            number++;
        }

        return lines;
    }

    /// <summary>No tab, control character, YAML 1.1 line break, byte order mark, surrogate or non-character: those go to YamlDotNet.</summary>
    private static bool HasOnlyPlainCharacters(string yaml)
    {
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            if (c is >= ' ' and < '\u007F')
            {
                continue;
            }

            var allowed = c switch
            {
                '\n' => true,
                '\r' => i + 1 < yaml.Length && yaml[i + 1] == '\n',
                < '\u00A0' => false,
                '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' => false,
                _ => !char.IsSurrogate(c),
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    private static T Positioned<T>(T node, Mark start, Mark end)
        where T : YamlNode
    {
        SetStart(node, start);
        SetEnd(node, end);
        return node;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Start")]
    private static extern void SetStart(YamlNode node, Mark value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_End")]
    private static extern void SetEnd(YamlNode node, Mark value);

    /// <summary>A line holding more than spaces: where it starts and ends in the text, its number, and how many spaces indent it.</summary>
    private readonly record struct TextLine(int Start, int End, int Number, int Indent);

    /// <summary>
    /// Reads nested blocks line by line. A block ends at the first line indented less than it, or (a list) not an item; the
    /// block around it then reads that line from its own column, so a line indented more than any open block can take meets a
    /// space where a key or a dash must be, and the reading gives up; so does a text with lines left over.
    /// </summary>
    private sealed class BlockReader(string text, List<TextLine> lines)
    {
        private int _next;

        public bool AtEnd => _next == lines.Count;

        /// <summary>The block whose first line is the next one, indented by <paramref name="column"/> (0-based).</summary>
        public YamlNode? ReadNode(int column) =>
            _next < lines.Count && lines[_next].Indent == column
                ? IsItem(lines[_next], column) ? ReadList(column, indentless: false) : ReadMapping(column)
                : null;

        /// <summary>Whether the line holds a list item whose dash is at <paramref name="column"/>.</summary>
        private bool IsItem(TextLine line, int column)
        {
            var dash = line.Start + column;
            return text[dash] == '-' && dash + 1 < line.End && text[dash + 1] == ' ';
        }

        /// <summary>
        /// A block mapping whose keys start at <paramref name="column"/>: on the next line, and on each following line indented
        /// that much (the first key may follow a list item's dash on its line, as in <c>- name: x</c>).
        /// </summary>
        private YamlMappingNode? ReadMapping(int column)
        {
            YamlMappingNode? mapping = null;
            var keys = new List<string>(8);
            while (_next < lines.Count)
            {
                var line = lines[_next];
                var keyStart = line.Start + column;
                if (mapping is not null && line.Indent < column)
                {
                    break;
                }

                var reader = new LineReader(text, line.Start, line.End, line.Number, keyStart);
                if (reader.ReadKey() is not { } key || keys.Contains(key.Value!))
                {
                    return null;
                }

                keys.Add(key.Value!);
                mapping ??= Positioned(new YamlMappingNode { Style = MappingStyle.Block }, key.Start, key.Start);
                _next++;
                var value = reader.SkipSpaces() ? reader.ReadWholeValue() : ReadNested(column);
                if (value is null)
                {
                    return null;
                }

                mapping.Add(key, value);
            }

            return mapping;
        }

        /// <summary>
        /// The block a key ending its line opens: indented further on the next line, or a list whose dashes stand where the key
        /// does (as in <c>links:</c> then <c>- a</c>). Nothing there (an empty value) is left to YamlDotNet.
        /// </summary>
        private YamlNode? ReadNested(int keyColumn)
        {
            if (_next >= lines.Count)
            {
                return null;
            }

            var line = lines[_next];
            return line.Indent > keyColumn ? ReadNode(line.Indent)
                : line.Indent == keyColumn && IsItem(line, keyColumn) ? ReadList(keyColumn, indentless: true)
                : null;
        }

        /// <summary>
        /// A block list whose dashes are at <paramref name="column"/>; <paramref name="indentless"/> when it is a mapping's value
        /// with its dashes where the keys are, which YamlDotNet marks one character long instead of none.
        /// </summary>
        private YamlSequenceNode? ReadList(int column, bool indentless)
        {
            var first = lines[_next];
            var dash = new Mark(first.Start + column, first.Number, column + 1);
            var list = Positioned(new YamlSequenceNode { Style = SequenceStyle.Block }, dash, indentless ? new Mark(dash.Index + 1, dash.Line, dash.Column + 1) : dash);
            while (_next < lines.Count && lines[_next].Indent == column && IsItem(lines[_next], column))
            {
                var line = lines[_next];
                var spaces = text.AsSpan(line.Start + column + 1, line.End - line.Start - column - 1).IndexOfAnyExcept(' ');
                if (spaces < 0)
                {
                    return null;
                }

                var content = column + 1 + spaces;
                var item = new LineReader(text, line.Start, line.End, line.Number, line.Start + content);
                YamlNode? value;
                if (item.StartsWithKey())
                {
                    value = ReadMapping(content);
                }
                else
                {
                    value = item.ReadWholeValue();
                    _next++;
                }

                if (value is null)
                {
                    return null;
                }

                list.Add(value);
            }

            return list;
        }
    }

    /// <summary>One line of the text, read from <c>at</c> to its end (line break excluded).</summary>
    private ref struct LineReader(string text, int lineStart, int end, int line, int at)
    {
        private int _at = at;

        /// <summary>A key and its colon, followed by a space or the end of the line; null when the line does not start so.</summary>
        public YamlScalarNode? ReadKey()
        {
            var first = _at;
            if (!StartsWithKey())
            {
                return null;
            }

            while (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] is '_' or '-')
            {
                _at++;
            }

            var key = Scalar(first, _at, text[first.._at], ScalarStyle.Plain);
            _at++;
            return key;
        }

        /// <summary>Whether the line goes on with a key: a name of letters, digits, '_' and '-', then ':' and a space or the line's end.</summary>
        public readonly bool StartsWithKey()
        {
            var at = _at;
            if (at >= end || (!char.IsAsciiLetter(text[at]) && text[at] != '_'))
            {
                return false;
            }

            while (at < end && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '-'))
            {
                at++;
            }

            return at < end && text[at] == ':' && (at + 1 == end || text[at + 1] == ' ');
        }

        /// <summary>A value that ends the line; null when it does not, or is not simple.</summary>
        public YamlNode? ReadWholeValue() => ReadValue() is { } value && !SkipSpaces() ? value : null;

        /// <summary>Moves past spaces; whether anything is left on the line.</summary>
        public bool SkipSpaces()
        {
            while (_at < end && text[_at] == ' ')
            {
                _at++;
            }

            return _at < end;
        }

        private YamlNode? ReadValue() => text[_at] switch
        {
            '"' or '\'' => ReadQuoted(),
            '[' => ReadFlowList(),
            _ => ReadPlain(),
        };

        private YamlScalarNode? ReadQuoted()
        {
            var quote = text[_at];
            var first = _at;
            var close = text.IndexOf(quote, first + 1, end - first - 1);

            // Escapes, a doubled single quote, a quote left open (the scalar goes on to the next line): YamlDotNet's.
            if (close < 0 || (quote == '"' && text.AsSpan(first + 1, close - first - 1).Contains('\\')) || (close + 1 < end && text[close + 1] == quote))
            {
                return null;
            }

            _at = close + 1;
            return Scalar(first, _at, text[(first + 1)..close], quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted);
        }

        private YamlScalarNode? ReadPlain()
        {
            var first = _at;
            if (IsIndicator(text[first]))
            {
                return null;
            }

            var value = text.AsSpan(first, end - first).TrimEnd(' ');

            // ": " or a final ':' would be a mapping inside the value, " #" starts a comment: YamlDotNet decides.
            if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value[^1] == ':')
            {
                return null;
            }

            _at = first + value.Length;
            return Scalar(first, _at, value.ToString(), ScalarStyle.Plain);
        }

        private YamlSequenceNode? ReadFlowList()
        {
            var open = Mark(_at);
            var list = Positioned(new YamlSequenceNode { Style = SequenceStyle.Flow }, open, open);
            _at++;
            SkipSpaces();
            if (_at < end && text[_at] == ']')
            {
                _at++;
                return list;
            }

            while (_at < end)
            {
                if (ReadItem() is not { } item)
                {
                    return null;
                }

                list.Add(item);
                if (!SkipSpaces())
                {
                    return null;
                }

                if (text[_at] == ']')
                {
                    _at++;
                    return list;
                }

                if (text[_at] != ',')
                {
                    return null;
                }

                _at++;
                SkipSpaces();
            }

            return null;
        }

        private YamlScalarNode? ReadItem()
        {
            if (_at >= end)
            {
                return null;
            }

            if (text[_at] is '"' or '\'')
            {
                return ReadQuoted();
            }

            var first = _at;
            if (IsIndicator(text[first]))
            {
                return null;
            }

            while (_at < end && text[_at] is not (',' or ']'))
            {
                if (text[_at] is ':' or '#' or '[' or '{' or '}' or '"' or '\'')
                {
                    return null;
                }

                _at++;
            }

            var value = text.AsSpan(first, _at - first).TrimEnd(' ');
            _at = first + value.Length;
            return Scalar(first, _at, value.ToString(), ScalarStyle.Plain);
        }

        /// <summary>Characters that give a plain scalar's first position another meaning (or might): left to YamlDotNet.</summary>
        private static bool IsIndicator(char c) => c is '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`';

        private YamlScalarNode Scalar(int from, int to, string value, ScalarStyle style) =>
            Positioned(new YamlScalarNode(value) { Style = style }, Mark(from), Mark(to));

        private readonly Mark Mark(int index) => new(index, line, index - lineStart + 1);
    }
}
