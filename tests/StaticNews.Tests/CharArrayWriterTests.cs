using System.Text;
using StaticNews.Text;

namespace StaticNews.Tests;

/// <summary>Article bodies are rendered into one reused character array: it must hold exactly what a string writer would.</summary>
public sealed class CharArrayWriterTests
{
    [Fact]
    public void Text_written_in_every_form_and_past_the_first_capacity_reads_back_as_written()
    {
        var writer = new CharArrayWriter();
        var expected = new StringBuilder();
        var random = new Random(7);
        while (expected.Length < 100_000)
        {
            var piece = new string((char)('a' + random.Next(26)), random.Next(1, 700));
            switch (random.Next(4))
            {
                case 0:
                    writer.Write(piece);
                    break;
                case 1:
                    writer.Write(piece.ToCharArray(), 0, piece.Length);
                    break;
                case 2:
                    writer.Write(piece.AsSpan());
                    break;
                default:
                    writer.Write(piece[0]);
                    piece = piece[..1];
                    break;
            }

            writer.WriteLine();
            expected.Append(piece).Append(writer.NewLine);
        }

        Assert.Equal(expected.ToString(), writer.Written.ToString());
        Assert.Equal(expected.ToString(), writer.ToString());
    }

    [Theory]
    [InlineData(0, "<b>Geneva</b><p>talks</p>")]
    [InlineData(3, "<p><b>Geneva</b>talks</p>")]
    [InlineData(12, "<p>talks</p><b>Geneva</b>")]
    public void Insert_puts_the_text_at_the_index_and_moves_the_rest_after_it(int index, string expected)
    {
        var writer = new CharArrayWriter();
        writer.Write("<p>talks</p>");

        writer.Insert(index, "<b>Geneva</b>");

        Assert.Equal(expected, writer.Written.ToString());
    }

    [Fact]
    public void Insert_beyond_the_text_written_throws_and_leaves_the_text_as_it_was()
    {
        var writer = new CharArrayWriter();
        writer.Write("<p>talks</p>");

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Insert(13, "x"));
        Assert.Equal("<p>talks</p>", writer.Written.ToString());
    }

    [Fact]
    public void After_clearing_only_what_is_written_next_is_read()
    {
        var writer = new CharArrayWriter();
        writer.Write(new string('x', 40_000));

        writer.Clear();
        writer.Write("<p>short</p>");

        Assert.Equal("<p>short</p>", writer.Written.ToString());
    }
}
