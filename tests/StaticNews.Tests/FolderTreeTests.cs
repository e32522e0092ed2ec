using StaticNews.Output;

namespace StaticNews.Tests;

public sealed class FolderTreeTests
{
    [Fact]
    public void Deleting_a_tree_removes_every_level_and_deletes_links_without_following_them()
    {
        var root = Directory.CreateTempSubdirectory("staticnews-tree-").FullName;
        try
        {
            var outside = Directory.CreateDirectory(Path.Combine(root, "outside")).FullName;
            File.WriteAllText(Path.Combine(outside, "keep.txt"), "kept");
            var tree = Path.Combine(root, "tree");
            foreach (var file in new[] { "index.html", "a/index.html", "a/b/c/index.html", "d/feed.xml", ".hidden/x" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, file))!);
                File.WriteAllText(Path.Combine(tree, file), file);
            }

            Directory.CreateDirectory(Path.Combine(tree, "empty/deeper"));
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateSymbolicLink(Path.Combine(tree, "a", "folder-link"), outside);
                File.CreateSymbolicLink(Path.Combine(tree, "a", "b", "file-link"), Path.Combine(outside, "keep.txt"));
            }

            FolderTree.Delete(tree);

            Assert.False(Directory.Exists(tree));
            Assert.Equal("kept", File.ReadAllText(Path.Combine(outside, "keep.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Deleting_a_link_to_a_folder_deletes_only_the_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var root = Directory.CreateTempSubdirectory("staticnews-tree-").FullName;
        try
        {
            var target = Directory.CreateDirectory(Path.Combine(root, "target")).FullName;
            File.WriteAllText(Path.Combine(target, "keep.txt"), "kept");
            var link = Path.Combine(root, "link");
            Directory.CreateSymbolicLink(link, target);

            FolderTree.Delete(link);

            Assert.False(Path.Exists(link));
            Assert.Equal("kept", File.ReadAllText(Path.Combine(target, "keep.txt")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
