using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using StaticNews.Publishing;

namespace StaticNews.Tests;

/// <summary>
/// The JSON feed writes an item's HTML a segment at a time, to escape it without a scratch array of six times its length.
/// The feed's bytes must be what writing the value whole gives, whatever falls on a segment's edge.
/// </summary>
public sealed class JsonFeedSegmentsTests
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };

    /// <summary>HTML-like text: tags and quotes, line breaks and control characters, accents, characters outside the BMP, lone surrogates.</summary>
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, (IGen<string>)Gen.String[Gen.Char["abc <p class=\"x\">&amp;/\\'é€"], 0, 300]),
        (2, Gen.OneOf("😀", "\n", "\r\n", "\t", "\u0001", "\u2028", "<script>", "\"")),
        (1, Gen.OneOf("\ud83d", "\ude00")),
        (1, Gen.Int[1, 4_100].Select(length => new string('p', length))));

    [Fact]
    public void A_value_written_in_segments_is_the_bytes_of_the_value_written_whole()
    {
        var longOnes = 0;
        var astride = 0;
        Gen.Select(Piece.Array[0, 60], Gen.Bool, Gen.Int[-2, 2]).Sample((pieces, emoji, shift) =>
        {
            var value = string.Concat(pieces);
            // Now and then an emoji at a segment's edge, astride it when the shift is 0.
            if (emoji && value.Length > JsonFeedWriter.SegmentChars + 4)
            {
                var at = JsonFeedWriter.SegmentChars - 1 + shift;
                value = value[..at] + "😀" + value[(at + 2)..];
                astride += shift == 0 ? 1 : 0;
            }

            longOnes += value.Length > JsonFeedWriter.SegmentChars ? 1 : 0;
            Assert.Equal(Written(json => json.WriteString("content_html", value)), Written(json => JsonFeedWriter.WriteInSegments(json, "content_html", value)));
        }, iter: 400);

        Assert.True(longOnes > 50, $"{longOnes} values longer than a segment");
        Assert.True(astride > 5, $"{astride} emoji astride a segment's edge");
    }

    private static string Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            write(json);
            json.WriteString("after", "x");
            json.WriteEndObject();
        }

        return Convert.ToHexString(stream.ToArray());
    }
}
