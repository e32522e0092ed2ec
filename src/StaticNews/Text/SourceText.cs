using System.Text;
using StaticNews.Diagnostics;

namespace StaticNews.Text;

/// <summary>Turns a file's bytes into text the parsers can trust: strict UTF-8, no BOM, no NUL, '\n' line endings.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (Check(bytes, out var byteOrderMark) is { } error)
        {
            return new DecodedText(string.Empty, error);
        }

        return new DecodedText(NormalizeNewlines(StrictUtf8.GetString(bytes[byteOrderMark..])), null);
    }

    /// <summary>Why <paramref name="bytes"/> are not source text, or null when they are; and how many bytes of byte-order mark open them.</summary>
    public static DecodeError? Check(ReadOnlySpan<byte> bytes, out int byteOrderMark)
    {
        byteOrderMark = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodeError(DiagnosticCodes.FileIsUtf16, []);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            byteOrderMark = 3;
        }

        var invalidAt = Utf8InvalidOffset(bytes[byteOrderMark..]);
        if (invalidAt >= 0)
        {
            return new DecodeError(DiagnosticCodes.FileNotUtf8, [invalidAt]);
        }

        return bytes.IndexOf((byte)0) >= 0 ? new DecodeError(DiagnosticCodes.FileHasNul, []) : null;
    }

    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>Makes every line ending of <paramref name="text"/> '\n' in place (as <see cref="NormalizeNewlines(string)"/> does); returns the new length.</summary>
    public static int NormalizeNewlines(Span<char> text)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\r')
            {
                text[length++] = text[i];
            }
            else
            {
                text[length++] = '\n';
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
        }

        return length;
    }

    private static int Utf8InvalidOffset(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }
}
