using StaticNews.Parsing;

namespace StaticNews.Tests;

public sealed class FrontMatterSplitterTests
{
    [Fact]
    public void Splits_yaml_from_body_and_reports_the_line_each_starts_on()
    {
        var split = FrontMatterSplitter.Split("---\ntitle: A\ndate: 2024-01-01\n---\nBody line\n");

        Assert.Equal(FrontMatterStatus.Present, split.Status);
        Assert.Equal("title: A\ndate: 2024-01-01\n", split.Yaml);
        Assert.Equal(2, split.YamlFirstLine);
        Assert.Equal("Body line\n", split.Body);
        Assert.Equal(5, split.BodyFirstLine);
    }

    [Fact]
    public void A_file_without_an_opening_fence_has_no_front_matter()
    {
        var split = FrontMatterSplitter.Split("title: A\n");

        Assert.Equal(FrontMatterStatus.Missing, split.Status);
    }

    [Fact]
    public void A_fence_that_is_never_closed_is_reported_as_unclosed()
    {
        var split = FrontMatterSplitter.Split("---\ntitle: A\nBody\n");

        Assert.Equal(FrontMatterStatus.Unclosed, split.Status);
    }

    [Fact]
    public void Empty_front_matter_is_present_and_empty()
    {
        var split = FrontMatterSplitter.Split("---\n---\nBody");

        Assert.Equal(FrontMatterStatus.Present, split.Status);
        Assert.Equal(string.Empty, split.Yaml);
        Assert.Equal("Body", split.Body);
    }

    [Fact]
    public void A_dashes_line_inside_the_body_is_not_a_fence()
    {
        var split = FrontMatterSplitter.Split("---\ntitle: A\n---\nOne\n---\nTwo\n");

        Assert.Equal("One\n---\nTwo\n", split.Body);
    }
}
