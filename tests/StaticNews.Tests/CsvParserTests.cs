using StaticNews.Analytics;

namespace StaticNews.Tests;

public sealed class CsvParserTests
{
    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks()
    {
        var records = CsvParser.Parse("path,title,views\r\n/a/,\"Talks, day 2\",10\r\n/b/,\"He said \"\"no\"\"\",5\r\n/c/,\"two\nlines\",7\r\n/d/,plain,1");

        Assert.Equal(5, records.Count);
        Assert.Equal(["/a/", "Talks, day 2", "10"], records[1].Fields);
        Assert.Equal("He said \"no\"", records[2].Fields[1]);
        Assert.Equal("two\nlines", records[3].Fields[1]);
        Assert.Equal([1, 2, 3, 4, 6], records.Select(r => r.Line));
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Lf_and_crlf_endings_and_blank_lines_give_the_same_records()
    {
        var crlf = CsvParser.Parse("a,b\r\n\r\n1,2\r\n");
        var lf = CsvParser.Parse("a,b\n\n1,2\n");

        Assert.Equal(crlf.Select(r => string.Join('|', r.Fields)), lf.Select(r => string.Join('|', r.Fields)));
        Assert.Equal(3, lf[1].Line);
    }

    [Fact]
    public void Empty_fields_are_kept()
    {
        Assert.Equal(["", "x", "", ""], CsvParser.Parse(",x,\"\",")[0].Fields);
    }

    [Theory]
    [InlineData("a,\"open", "a quoted field is never closed")]
    [InlineData("a,\"b\"c", "text follows a closing quote")]
    [InlineData("a,b\"c", "a quote inside an unquoted field")]
    public void A_stray_or_unclosed_quote_marks_the_record(string text, string error)
    {
        Assert.Equal(error, Assert.Single(CsvParser.Parse(text)).Error);
    }
}
