using System.Text;
using StaticNews.Diagnostics;

namespace StaticNews.Text;

/// <summary>Turns a file's bytes into text the parsers can trust: strict UTF-8, no BOM, no NUL, '\n' line endings.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodedText.Failed(DiagnosticCodes.FileIsUtf16);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var invalidAt = Utf8InvalidOffset(bytes);
        if (invalidAt >= 0)
        {
            return DecodedText.Failed(DiagnosticCodes.FileNotUtf8, invalidAt);
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return DecodedText.Failed(DiagnosticCodes.FileHasNul);
        }

        return new DecodedText(NormalizeNewlines(StrictUtf8.GetString(bytes)), null);
    }

    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

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
