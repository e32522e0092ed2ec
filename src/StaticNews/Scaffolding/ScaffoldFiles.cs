namespace StaticNews.Scaffolding;

/// <summary>Creates files for scaffolding: never overwrites, always UTF-8 without BOM and LF line ends.</summary>
internal static class ScaffoldFiles
{
    internal static ScaffoldResult WriteNew(string siteRoot, string relative, string text)
    {
        var full = Path.Combine(Path.GetFullPath(siteRoot), relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            using var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(text.ReplaceLineEndings("\n"));
        }
        catch (IOException) when (File.Exists(full))
        {
            return ScaffoldResult.Refused($"{relative} already exists; it was left as it is. Choose another title, or edit that file.");
        }

        return new ScaffoldResult { Created = [relative] };
    }
}
