using System.Diagnostics;
using System.Globalization;
using StaticNews.Output;

namespace StaticNews.Benchmarks;

/// <summary>
/// The build cache's promise checked at a generated site's scale with a published CLI (the engine's differential tests check
/// it in process on the sample newsroom): from a seed, random newsroom changes one at a time, each followed by an
/// incremental build and a cold build into a fresh folder, whose exit codes must agree and whose folders must be
/// byte-identical; a build right after must find the site up to date.
/// </summary>
internal sealed class IncrementalSoak(string workRoot, TextWriter output)
{
    private static readonly string[] Changes =
        ["body", "body", "body", "title", "tags", "category", "date", "updated", "summary", "location", "added", "deleted", "page size", "author", "byline", "template", "static file", "most read"];

    private static readonly string[] Locations = ["Lima", "Oslo", "Hanoi"];

    private readonly string _site = Path.Combine(workRoot, "site");
    private readonly string _theme = Path.Combine(Repository.Root(), "templates");
    private readonly OutputFolder _incremental = new(Path.Combine(workRoot, "incremental"));
    private readonly OutputFolder _cold = new(Path.Combine(workRoot, "cold"));

    /// <summary>Whether the last change saved a file with the text it had.</summary>
    private bool _resaved;

    /// <summary>
    /// Soaks a site of <paramref name="articles"/> generated articles for <paramref name="steps"/> changes drawn from
    /// <paramref name="seed"/>, building with <paramref name="command"/> (an executable and the arguments before the CLI's own).
    /// </summary>
    /// <returns>Whether every step's builds agreed; the first disagreement is printed and ends the run.</returns>
    public bool Run(IReadOnlyList<string> command, int articles, int steps, int seed)
    {
        var random = new Random(seed);
        var corpus = CorpusGenerator.Generate(articles);
        Clean();
        StaticNewsLayout.Write(corpus, _site);
        // As a checkout leaves them: older than any build.
        var checkout = DateTime.UtcNow.AddHours(-1);
        foreach (var file in Directory.EnumerateFiles(_site, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, checkout);
        }

        var first = Build(command, _incremental);
        if (first.ExitCode != 0)
        {
            output.WriteLine($"seed {seed}: the first build failed ({first.ExitCode}): {first.Text}");
            return false;
        }

        var categories = corpus.Categories.SelectMany(c => c.Children.Select(child => c.Slug + "/" + child.Slug)).ToArray();
        var tags = corpus.Articles.SelectMany(a => a.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        for (var step = 1; step <= steps; step++)
        {
            var change = Change(random, step, categories, tags);
            var incremental = Build(command, _incremental);
            Folders.DeleteIfPresent(_cold.Path);
            Folders.DeleteIfPresent(_cold.CachePath);
            var cold = Build(command, _cold);
            if (incremental.ExitCode != cold.ExitCode)
            {
                output.WriteLine($"seed {seed} step {step}, {change}: the incremental build exited {incremental.ExitCode}, the cold build {cold.ExitCode}\n{incremental.Text}\n{cold.Text}");
                return false;
            }

            if (incremental.ExitCode != 0)
            {
                output.WriteLine($"seed {seed} step {step}, {change}: both builds failed alike: {FirstLine(incremental.Text)}");
                continue;
            }

            if (FolderDifference(_cold.Path, _incremental.Path) is { } difference)
            {
                output.WriteLine($"seed {seed} step {step}, {change}: the incremental output differs from the cold build's: {difference}");
                return false;
            }

            var again = Build(command, _incremental);
            if (again.ExitCode != 0 || !again.Text.Contains("Up to date", StringComparison.Ordinal))
            {
                output.WriteLine($"seed {seed} step {step}, {change}: a build right after was not up to date: {again.Text}");
                return false;
            }

            output.WriteLine($"seed {seed} step {step}, {change}: identical ({LastLine(incremental.Text)})");
        }

        Clean();
        return true;
    }

    /// <summary>Makes one newsroom change drawn from <paramref name="random"/>; what it was.</summary>
    private string Change(Random random, int step, string[] categories, string[] tags)
    {
        var articles = Directory.GetFiles(Path.Combine(_site, "articles"), "*.md", SearchOption.AllDirectories);
        Array.Sort(articles, StringComparer.Ordinal);
        var article = articles[random.Next(articles.Length)];
        var name = Path.GetFileName(article);
        var change = Changes[random.Next(Changes.Length)];
        _resaved = false;
        switch (change)
        {
            case "body":
                StaticNewsLayout.AppendParagraph(article, $"A paragraph added at step {step}, about {tags[random.Next(tags.Length)]}.");
                break;
            case "title":
                Edit(article, "title", $"\"Retitled at step {step}\"");
                break;
            case "tags":
                var picked = tags.OrderBy(_ => random.Next()).Take(random.Next(4)).ToList();
                if (random.Next(3) == 0)
                {
                    picked.Add($"fresh-topic-{step}");
                }

                Edit(article, "tags", "[" + string.Join(", ", picked) + "]");
                break;
            case "category":
                Edit(article, "category", categories[random.Next(categories.Length)]);
                break;
            case "date":
                Edit(article, "date", string.Create(CultureInfo.InvariantCulture, $"{2021 + random.Next(6)}-{1 + random.Next(11):00}-{1 + random.Next(28):00} {random.Next(24):00}:{random.Next(60):00}"));
                break;
            case "updated":
                Edit(article, "updated", "2026-11-28 10:00");
                break;
            case "summary":
                Edit(article, "summary", $"\"A summary rewritten at step {step}.\"");
                break;
            case "location":
                Edit(article, "location", Locations[random.Next(Locations.Length)]);
                break;
            case "added":
                var copy = FrontMatterEdit.Set(File.ReadAllText(article), "title", $"\"Added at step {step}\"");
                File.WriteAllText(Path.Combine(Path.GetDirectoryName(article)!, $"added-at-step-{step}.md"), FrontMatterEdit.Set(copy, "date", string.Create(CultureInfo.InvariantCulture, $"2026-11-{1 + random.Next(28):00} 12:00")));
                break;
            case "deleted" when !LinkedFromAnother(articles, article):
                File.Delete(article);
                break;
            case "deleted":
                return $"{name} left (other articles link to it)";
            case "page size":
                var config = Path.Combine(_site, "site.yml");
                File.WriteAllText(config, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(config), @"page_size: \d+", $"page_size: {8 + (2 * random.Next(3))}"));
                return change;
            case "author":
                var authors = Directory.GetFiles(Path.Combine(_site, "authors"), "*.md");
                Array.Sort(authors, StringComparer.Ordinal);
                File.AppendAllText(authors[random.Next(authors.Length)], $"\nAlso writes about what changed at step {step}.\n");
                return change;
            case "byline":
                var bylines = Directory.GetFiles(Path.Combine(_site, "authors"), "*.md");
                Array.Sort(bylines, StringComparer.Ordinal);
                var renamed = bylines[random.Next(bylines.Length)];
                File.WriteAllText(renamed, FrontMatterEdit.Set(File.ReadAllText(renamed), "name", $"Renamed at step {step}"));
                return $"{change} of {Path.GetFileName(renamed)}";
            case "template":
                return EditTemplate(random, step);
            case "static file":
                return ChangeStaticFile(random, step);
            case "most read":
                var slugs = articles.Select(a => Path.GetFileNameWithoutExtension(a)).OrderBy(_ => random.Next()).Take(1 + random.Next(12));
                File.WriteAllText(Path.Combine(_site, "data", "popular.yml"), string.Concat(slugs.Select(slug => $"- {slug}\n")));
                return change;
        }

        return _resaved ? $"{change} of {name}, saved unchanged" : $"{change} of {name}";
    }

    /// <summary>
    /// Overrides one of the default theme's templates with its text and a comment added (or the override's), or removes an
    /// override, which brings the default back: a page depends on the templates its kind renders with.
    /// </summary>
    private string EditTemplate(Random random, int step)
    {
        var names = Directory.GetFiles(_theme, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_theme, f)).Order(StringComparer.Ordinal).ToArray();
        var name = names[random.Next(names.Length)];
        var overridden = Path.Combine(_site, "templates", name);
        if (File.Exists(overridden) && random.Next(3) == 0)
        {
            File.Delete(overridden);
            return $"template {name}, override removed";
        }

        var text = File.ReadAllText(File.Exists(overridden) ? overridden : Path.Combine(_theme, name));
        Directory.CreateDirectory(Path.GetDirectoryName(overridden)!);
        File.WriteAllText(overridden, text + $"<!-- overridden at step {step} -->\n");
        return $"template {name}";
    }

    /// <summary>Adds a file under static/, or replaces or deletes one added before.</summary>
    private string ChangeStaticFile(Random random, int step)
    {
        var folder = Path.Combine(_site, "static", "images");
        var added = Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [];
        if (added.Length > 0 && random.Next(2) == 0)
        {
            var file = added[random.Next(added.Length)];
            if (random.Next(2) == 0)
            {
                File.Delete(file);
                return $"static file {Path.GetFileName(file)} deleted";
            }

            File.WriteAllText(file, $"replaced at step {step}");
            return $"static file {Path.GetFileName(file)} replaced";
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"photo-{step}.jpg"), $"added at step {step}");
        return $"static file photo-{step}.jpg added";
    }

    /// <summary>Sets <paramref name="key"/> in the article's front matter, saving the file even when it already had that value, as an editor does.</summary>
    private void Edit(string article, string key, string value)
    {
        var text = File.ReadAllText(article);
        var edited = FrontMatterEdit.Set(text, key, value);
        _resaved |= edited == text;
        File.WriteAllText(article, edited);
    }

    private static bool LinkedFromAnother(string[] articles, string article)
    {
        var slug = Path.GetFileNameWithoutExtension(article);
        return articles.Any(other => other != article && File.ReadAllText(other).Contains(slug, StringComparison.Ordinal));
    }

    /// <summary>The first difference between two folders (a file on one side only, or the first file whose bytes differ), or null when they are byte-identical.</summary>
    private static string? FolderDifference(string expected, string actual)
    {
        var expectedFiles = RelativeFiles(expected);
        var actualFiles = RelativeFiles(actual);
        if (expectedFiles.Except(actualFiles, StringComparer.Ordinal).FirstOrDefault() is { } missing)
        {
            return $"{missing} is missing";
        }

        if (actualFiles.Except(expectedFiles, StringComparer.Ordinal).FirstOrDefault() is { } extra)
        {
            return $"{extra} is extra";
        }

        return expectedFiles.FirstOrDefault(file => !File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file)))) is { } changed
            ? $"{changed} differs"
            : null;
    }

    private static List<string> RelativeFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(folder, path)).Order(StringComparer.Ordinal)];

    private (int ExitCode, string Text) Build(IReadOnlyList<string> command, OutputFolder output)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1).Concat(["build", _site, "-o", output.Path]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{command[0]}' did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (text + error.Result).Trim());
    }

    private void Clean()
    {
        foreach (var folder in new[] { _site, _incremental.Path, _incremental.CachePath, _incremental.StagingPath, _cold.Path, _cold.CachePath, _cold.StagingPath })
        {
            Folders.DeleteIfPresent(folder);
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string LastLine(string text) => text.Split('\n')[^1];
}
