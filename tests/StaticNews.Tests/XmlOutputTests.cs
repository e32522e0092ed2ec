using System.Text;
using System.Xml;
using StaticNews.Publishing;

namespace StaticNews.Tests;

/// <summary>What feeds drop from text: exactly the characters XML cannot carry, wherever they sit.</summary>
public sealed class XmlOutputTests
{
    [Theory]
    [InlineData("plain text, nothing to drop")]
    [InlineData("line one\nline two\r\n\ttabbed")]
    [InlineData("a\u0001b\u0008c\u000Bd\u000Ce\u001Ff")]
    [InlineData("\u0000 at the start")]
    [InlineData("at the end \uFFFF")]
    [InlineData("\uFFFE and \uFFFD and \uE000 and \uD7FF")]
    [InlineData("a pair 😀 kept, a lone high \uD800 and a lone low \uDC00 dropped")]
    [InlineData("pair at the end 😀")]
    [InlineData("lone high at the end \uD83D")]
    [InlineData("")]
    public void Clean_drops_exactly_the_characters_xml_cannot_carry(string text)
    {
        Assert.Equal(CharacterByCharacter(text), XmlOutput.Clean(text));
    }

    [Fact]
    public void Clean_returns_a_clean_text_itself()
    {
        var text = "Delegations met in Genève.\nTalks resume 😀 tomorrow.";

        Assert.Same(text, XmlOutput.Clean(text));
    }

    /// <summary>The check runs over every feed item's whole body: a clean one, line after line, costs no allocation.</summary>
    [Fact]
    public void Checking_a_clean_text_of_many_lines_allocates_nothing()
    {
        var text = string.Concat(Enumerable.Repeat("<p>Delegations met in Genève.</p>\n", 500));
        XmlOutput.Clean(text);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var cleaned = XmlOutput.Clean(text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Same(text, cleaned);
        Assert.Equal(0, allocated);
    }

    private static string CharacterByCharacter(string text)
    {
        var kept = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.ToString();
    }
}
