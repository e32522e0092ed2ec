namespace StaticNews.Tests.Infrastructure;

public static class TestSites
{
    /// <summary>The fixed little site of the golden snapshots, copied to the test output.</summary>
    public static string Golden => Path.Combine(AppContext.BaseDirectory, "TestSites", "golden");

    /// <summary>The repository root, found from the test assembly's folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StaticNews.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (holding StaticNews.sln) was not found above " + AppContext.BaseDirectory);
        }
    }
}
