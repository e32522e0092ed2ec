using System.Text;

namespace StaticNews.Model;

/// <summary>
/// HTML the engine produced and vouches for (rendered Markdown, partial output). Templates print it unescaped; every other
/// value is escaped. Article bodies are kept as UTF-8 (<see cref="FromUtf8"/>): they live through the whole build, and for
/// the mostly Latin text of news copy that is half the memory of a string.
/// </summary>
public sealed class TrustedHtml : IEquatable<TrustedHtml>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;

    public TrustedHtml(string html)
    {
        _text = html;
    }

    private TrustedHtml(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
    }

    public static TrustedHtml Empty { get; } = new(string.Empty);

    /// <summary>The HTML as text; decoded on each call when it is kept as UTF-8.</summary>
    public string Html => _text ?? Encoding.UTF8.GetString(_utf8.Span);

    public bool IsEmpty => _text is not null ? _text.Length == 0 : _utf8.IsEmpty;

    /// <summary>The length in characters, or in UTF-8 bytes when kept as such, without decoding: a size to plan a buffer by.</summary>
    internal int LengthHint => _text?.Length ?? _utf8.Length;

    /// <summary>
    /// HTML kept as its UTF-8 bytes, which the caller hands over and does not change. They may be a slice of a larger buffer
    /// (a body read from the build cache points into the cache file's bytes rather than copying them).
    /// </summary>
    public static TrustedHtml FromUtf8(ReadOnlyMemory<byte> utf8) => new(utf8);

    /// <summary>The UTF-8 bytes when the HTML is kept as such (not to be changed), else null.</summary>
    internal ReadOnlyMemory<byte>? Utf8OrNull => _text is null ? _utf8 : default(ReadOnlyMemory<byte>?);

    /// <summary>The HTML's UTF-8 bytes: the kept ones when there are (not to be changed), else newly encoded.</summary>
    internal ReadOnlySpan<byte> Utf8Bytes() => _text is null ? _utf8.Span : Encoding.UTF8.GetBytes(_text);

    public bool Equals(TrustedHtml? other) =>
        other is not null && (ReferenceEquals(this, other) || string.Equals(Html, other.Html, StringComparison.Ordinal));

    public override bool Equals(object? obj) => Equals(obj as TrustedHtml);

    public override int GetHashCode() => string.GetHashCode(Html, StringComparison.Ordinal);

    public override string ToString() => Html;
}
