using StaticNews.Output;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Tests;

/// <summary>The output check's status call tells a plain folder from anything else and reads its time as .NET does.</summary>
public sealed class FolderStatusReaderTests
{
    [Fact]
    public void A_folder_reads_as_plain_with_the_time_DirectoryInfo_gives_to_the_tick()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "tag", "trade");
        Directory.CreateDirectory(folder);
        // A time with a sub-tick remainder on file systems that keep nanoseconds: both must truncate it alike.
        File.WriteAllText(Path.Combine(folder, "index.html"), "<p>trade</p>");

        var (isPlainFolder, ticks) = new FolderStatusReader().Read(folder);

        Assert.True(isPlainFolder);
        Assert.Equal(new DirectoryInfo(folder).LastWriteTimeUtc.Ticks, ticks);
        Assert.Equal((true, ticks), new FolderStatusReader().Read(temp.Path, "tag/trade"));
    }

    [Fact]
    public void A_link_to_a_folder_a_file_and_a_missing_path_are_not_plain_folders()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "elsewhere");
        Directory.CreateDirectory(target);
        var link = Path.Combine(temp.Path, "linked");
        Directory.CreateSymbolicLink(link, target);
        var file = Path.Combine(temp.Path, "index.html");
        File.WriteAllText(file, "<p>home</p>");
        var reader = new FolderStatusReader();

        Assert.False(reader.Read(link).IsPlainFolder);
        Assert.False(reader.Read(file).IsPlainFolder);
        Assert.False(reader.Read(Path.Combine(temp.Path, "gone")).IsPlainFolder);
        Assert.True(reader.Read(target).IsPlainFolder);
        Assert.False(reader.Read(temp.Path, "linked").IsPlainFolder);
        Assert.False(reader.Read(temp.Path, new string('x', 2000)).IsPlainFolder);
    }

    [Fact]
    public void Paths_below_the_root_read_as_the_full_paths_do_even_once_the_root_is_renamed()
    {
        using var temp = new TempFolder();
        var root = Path.Combine(temp.Path, "public");
        Directory.CreateDirectory(Path.Combine(root, "tag", "trade"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), Path.Combine(temp.Path, "elsewhere"));
        File.WriteAllText(Path.Combine(root, "index.html"), "<p>home</p>");
        var full = new FolderStatusReader();
        using var below = new FolderStatusReader(root);

        foreach (var relative in new[] { "tag", "tag/trade", "linked", "index.html", "gone", "tag/gone" })
        {
            Assert.Equal(full.Read(Path.Combine(root, relative)), below.ReadBelowRoot(relative));
        }

        Assert.True(below.ReadBelowRoot("tag/trade").IsPlainFolder);

        // On Linux the root is held open: its folders are still found under the name it had when the reader was made.
        Directory.Move(root, Path.Combine(temp.Path, "moved"));
        Assert.Equal(OperatingSystem.IsLinux(), below.ReadBelowRoot("tag/trade").IsPlainFolder);
    }
}
