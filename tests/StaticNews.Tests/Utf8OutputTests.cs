using System.Text;
using StaticNews.Rendering;

namespace StaticNews.Tests;

/// <summary>Pages are written by their templates straight into UTF-8: the bytes must be those of encoding the same text as a string.</summary>
public sealed class Utf8OutputTests
{
    [Fact]
    public void Writes_in_pieces_give_the_bytes_of_the_whole_text_even_when_a_piece_ends_inside_a_surrogate_pair()
    {
        const string text = "Genève 😀 — “quoted” 中文 😀";
        var output = new Utf8Output();

        for (var i = 0; i < text.Length; i++)
        {
            output.Write(text, i, 1);
        }

        Assert.Equal(Encoding.UTF8.GetBytes(text), output.WrittenMemory().ToArray());
    }

    [Fact]
    public void Utf8_written_between_texts_keeps_its_place_and_the_output_starts_empty_after_clearing()
    {
        var output = new Utf8Output();
        output.Write("<p>", 0, 3);
        output.WriteUtf8(Encoding.UTF8.GetBytes("Zürich, 3 May"));
        output.Write("</p>", 0, 4);

        Assert.Equal("<p>Zürich, 3 May</p>", Encoding.UTF8.GetString(output.WrittenMemory().Span));
        output.Clear();
        Assert.Equal(0, output.WrittenMemory().Length);
    }

    [Fact]
    public void A_lone_high_surrogate_becomes_the_replacement_character_as_in_a_string()
    {
        var text = "a\uD83D";
        var output = new Utf8Output();

        output.Write(text, 0, text.Length);
        output.WriteUtf8("b"u8);

        Assert.Equal(Encoding.UTF8.GetBytes(text + "b"), output.WrittenMemory().ToArray());
    }
}
