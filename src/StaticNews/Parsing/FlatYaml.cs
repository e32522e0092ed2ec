using System.Runtime.CompilerServices;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace StaticNews.Parsing;

/// <summary>
/// Reads the YAML most front matters are — one <c>key: value</c> per line, the value a scalar on that line (plain, or quoted
/// without escapes) or a one-line list <c>[a, "b"]</c> — straight into YamlDotNet's nodes, with the positions YamlDotNet would
/// give them. It is a shortcut, not a second YAML parser: anything else (comments, indentation, nesting, block lists, escapes,
/// anchors, tags, multi-line or doubtful scalars, duplicate keys, unusual characters) makes it give up, and YamlDotNet reads the
/// text as before, errors and all. A tenth of a cold build went to YamlDotNet's scanner, parser and events for these lines.
/// </summary>
internal static class FlatYaml
{
    /// <summary>The mapping <paramref name="yaml"/> holds, as YamlDotNet would read it; null when the text is not that simple.</summary>
    public static YamlMappingNode? TryRead(string yaml)
    {
        if (!HasOnlyPlainCharacters(yaml))
        {
            return null;
        }

        YamlMappingNode? root = null;
        var keys = new List<string>(16);
        var line = 1;
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

            if (yaml.AsSpan(lineStart, end - lineStart).IndexOfAnyExcept(' ') >= 0)
            {
                var reader = new LineReader(yaml, lineStart, end, line);
                if (reader.ReadPair(keys) is not var (key, value))
                {
                    return null;
                }

                root ??= Positioned(new YamlMappingNode { Style = MappingStyle.Block }, key.Start, key.Start);
                root.Add(key, value);
            }

            lineStart = next;
            line++;
        }

        return root;
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

    /// <summary>One line of the text, from its first character to its end (line break excluded).</summary>
    private ref struct LineReader(string text, int start, int end, int line)
    {
        private readonly int _lineStart = start;
        private int _at = start;

        public (YamlScalarNode Key, YamlNode Value)? ReadPair(List<string> keysSoFar)
        {
            if (ReadKey() is not { } key || keysSoFar.Contains(key.Value!))
            {
                return null;
            }

            keysSoFar.Add(key.Value!);
            if (!SkipSpaces() || ReadValue() is not { } value || SkipSpaces())
            {
                return null;
            }

            return (key, value);
        }

        private YamlScalarNode? ReadKey()
        {
            var first = _at;
            if (!char.IsAsciiLetter(text[first]) && text[first] != '_')
            {
                return null;
            }

            while (_at < end && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] is '_' or '-'))
            {
                _at++;
            }

            // A key ends at ':' followed by a space; "key:" alone opens a nested block or means null, both YamlDotNet's to read.
            if (_at + 1 >= end || text[_at] != ':' || text[_at + 1] != ' ')
            {
                return null;
            }

            var key = Scalar(first, _at, text[first.._at], ScalarStyle.Plain);
            _at++;
            return key;
        }

        /// <summary>Moves past spaces; whether anything is left on the line.</summary>
        private bool SkipSpaces()
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
            '[' => ReadList(),
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

        private YamlSequenceNode? ReadList()
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

        private readonly Mark Mark(int index) => new(index, line, index - _lineStart + 1);
    }
}
