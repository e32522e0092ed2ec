namespace StaticNews.Cli.Tests;

public sealed class DeferredConsoleWriterTests
{
    [Fact]
    public async Task The_writer_is_made_on_the_first_write_and_receives_everything_written()
    {
        var made = 0;
        using var inner = new StringWriter();
        using var writer = new DeferredConsoleWriter(() =>
        {
            made++;
            return inner;
        });

        writer.Flush();
        await writer.FlushAsync();
        Assert.Equal(0, made);

        writer.Write("Built ");
        writer.Write('2');
        writer.WriteLine(" pages.");
        await writer.WriteLineAsync("Wrote 4 files.");
        await writer.WriteAsync("Done".AsMemory());
        writer.WriteLine();

        Assert.Equal(1, made);
        Assert.Equal($"Built 2 pages.{Environment.NewLine}Wrote 4 files.{Environment.NewLine}Done{Environment.NewLine}", inner.ToString());
    }
}
