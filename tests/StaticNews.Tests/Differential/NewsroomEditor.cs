using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace StaticNews.Tests.Differential;

/// <summary>
/// Makes the changes a newsroom makes to a site between two builds, drawn from a seeded <see cref="Random"/>: bodies edited
/// (sometimes to the same size), front matter changed key by key (titles, dates, categories, tags, authors, drafts, embargoes,
/// corrections, slugs), articles added, copied, deleted, moved, broken and linked in from outside the site, line endings
/// switched, authors, settings, the category tree, data files, static files and template overrides changed, the clock moved
/// on and the options changed. A change that can fail the build is undone by a later step, as a writer fixes what the build
/// reported (<see cref="Mistake"/>). Every file it writes gets a time stamp of its own: most often an earlier one never used
/// before (as a checkout or a copy leaves), sometimes the moment it was written (which a build never trusts) or one older
/// than the last build.
/// </summary>
internal sealed partial class NewsroomEditor
{
    private static readonly string[] Words =
    [
        "envoy", "treaty", "ministers", "harbour", "corridor", "tariff", "summit", "delegation", "accord", "monsoon",
        "reservoir", "consulate", "charter", "exchange", "scholars", "cargo", "pipeline", "forum", "customs", "festival",
        "Zürich", "Kraków", "São", "Paulo", "naïve", "café", "Ålesund", "delegates", "observers", "negotiators",
    ];

    private static readonly string[] Cities = ["Islamabad", "Geneva", "Tashkent", "Muscat", "Kraków"];

    private static readonly string[] Moods = ["calm", "urgent", "reflective"];

    private static readonly string[] Folders = ["culture", "diplomatic-news", "economy", "region", "opinion"];

    private const string UnknownSlug = "no-such-story";

    private readonly string _root;
    private readonly string _theme;
    private readonly Random _random;
    private readonly DateTime _stampBase = DateTime.UtcNow - TimeSpan.FromHours(3);
    private readonly List<(string What, Action Undo)> _mistakes = [];
    private int _stamps;
    private int _serial;

    public NewsroomEditor(string root, string theme, Random random)
    {
        _root = root;
        _theme = theme;
        _random = random;
    }

    public BuildSettings Settings { get; private set; } = BuildSettings.Initial;

    /// <summary>Dates every file of the site an hour before any stamp the editor gives, as a fresh checkout built once.</summary>
    public void AgeAll()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, _stampBase - TimeSpan.FromHours(1));
        }
    }

    /// <summary>Makes one to three changes (or, now and then, none), and returns what they were, for the test's report.</summary>
    public IReadOnlyList<string> EditOnce()
    {
        var made = new List<string>();
        foreach (var mistake in _mistakes.ToList())
        {
            if (_random.Next(3) != 0)
            {
                _mistakes.Remove(mistake);
                mistake.Undo();
                made.Add($"undid: {mistake.What}");
            }
        }

        // The most common change of all, a writer's edit of one body, alone: the build's shortest path.
        if (_random.Next(4) == 0)
        {
            made.Add(_random.Next(3) == 0 ? ReplaceLetter() : AppendParagraph());
            return made;
        }

        var count = _random.Next(10) == 0 ? 0 : 1 + (_random.Next(3) == 0 ? _random.Next(1, 3) : 0);
        for (var i = 0; i < count; i++)
        {
            made.Add(EditAtRandom());
        }

        return made;
    }

    /// <summary>Appends a paragraph to one article's body: a change every build notices.</summary>
    public string EditOneBody() => AppendParagraph();

    private string EditAtRandom()
    {
        var edits = new (int Weight, Func<string> Edit)[]
        {
            (8, AppendParagraph), (4, ReplaceLetter), (4, AddLink), (5, Retitle), (5, Redate), (2, SetUpdated),
            (4, Recategorize), (4, Retag), (3, ReAuthor), (3, Resummarize), (2, ToggleDraft), (2, SetExpiry),
            (2, ToggleBreaking), (2, AddCorrection), (2, SetSlug), (2, SetRelated), (1, SetLocation), (1, SetImage),
            (1, SetExtra), (2, BreakArticle), (2, DeleteArticle), (3, AddArticle), (2, MoveArticle), (1, CopyArticle),
            (3, EditAuthorBio), (2, RenameAuthor), (1, AddAuthor), (1, DeleteAuthor),
            (5, EditSettings), (3, EditCategories), (2, EditPopular), (2, EditAnalytics), (3, EditStaticFile),
            (3, EditTemplate), (3, MoveClock), (2, ChangeOptions), (1, LinkArticle), (1, ChangeLineEndings),
        };
        var roll = _random.Next(edits.Sum(e => e.Weight));
        foreach (var (weight, edit) in edits)
        {
            if (roll < weight)
            {
                return edit();
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable: the roll is below the weights' sum.");
    }

    private string AppendParagraph() => EditArticle((article, _) =>
    {
        article.Body = article.Body.TrimEnd('\n') + "\n\n" + Sentence(8 + _random.Next(30)) + "\n";
        return "appended a paragraph";
    });

    private string ReplaceLetter() => EditArticle((article, _) =>
    {
        // In prose only: a letter changed in a shortcode or a link's target breaks the link, and the build with it.
        var letters = new List<int>();
        var lineStart = 0;
        foreach (var line in article.Body.Split('\n'))
        {
            if (!line.TrimStart().StartsWith("{{", StringComparison.Ordinal) && !line.Contains("](", StringComparison.Ordinal) && !line.Contains('<', StringComparison.Ordinal))
            {
                letters.AddRange(Enumerable.Range(lineStart, line.Length).Where(i => article.Body[i] is >= 'a' and <= 'y'));
            }

            lineStart += line.Length + 1;
        }

        if (letters.Count == 0)
        {
            return "found no letter to change";
        }

        var at = letters[_random.Next(letters.Count)];
        article.Body = string.Concat(article.Body.AsSpan(0, at), ((char)(article.Body[at] + 1)).ToString(), article.Body.AsSpan(at + 1));
        return $"changed the letter at {at} of the body (same size)";
    });

    private string AddLink() => EditArticle((article, path) =>
    {
        var target = SlugOrUnknown();
        var undo = Restore(path);
        article.Body = article.Body.TrimEnd('\n') + (_random.Next(2) == 0
            ? $"\n\n{{{{< also-read {target} >}}}}\n"
            : $"\n\nSee [the earlier report](ref:{target}).\n");
        // A link to a draft fails the build (except with --drafts), as one to an unknown slug does, until it is taken out.
        return target == UnknownSlug || NamesADraft(target) ? MistakeIn(path, $"linked to {target}", undo) : $"linked to {target}";
    });

    private string Retitle() => EditArticle((article, _) =>
    {
        var title = Title();
        article.Set("title", Quoted(title));
        return $"retitled '{title}'";
    });

    private string Redate() => EditArticle((article, path) =>
    {
        var undo = Restore(path);
        var future = _random.Next(6) == 0;
        var date = future ? Date(Settings.Now.AddHours(1), Settings.Now.AddDays(3)) : Date(Settings.Now.AddDays(-400), Settings.Now);
        article.Set("date", date);

        // Left out of the site until its time comes, or --future: links to it fail the build meanwhile.
        return future ? MistakeIn(path, $"dated {date}, in the future", undo) : $"dated {date}";
    });

    private string SetUpdated() => EditArticle((article, _) =>
    {
        if (article.Has("updated") && _random.Next(2) == 0)
        {
            article.Remove("updated");
            return "removed updated";
        }

        var date = Date(Settings.Now.AddDays(-30), Settings.Now);
        article.Set("updated", date);
        return $"updated {date}";
    });

    private string Recategorize() => EditArticle((article, path) =>
    {
        var categories = CategoryPaths();
        if (_random.Next(12) == 0)
        {
            var undo = Restore(path);
            article.Set("category", "nowhere/else");
            return MistakeIn(path, "category nowhere/else", undo);
        }

        var category = categories[_random.Next(categories.Count)];
        article.Set("category", category);
        return $"category {category}";
    });

    private string Retag() => EditArticle((article, _) =>
    {
        var pool = KnownTags().Concat(["Harbour Works", "café culture", "Tariffs"]).Distinct(StringComparer.Ordinal).ToList();
        var tags = Enumerable.Range(0, _random.Next(4)).Select(_ => pool[_random.Next(pool.Count)]).Distinct(StringComparer.Ordinal).ToList();
        article.Set("tags", "[" + string.Join(", ", tags) + "]");
        return $"tags [{string.Join(", ", tags)}]";
    });

    private string ReAuthor() => EditArticle((article, path) =>
    {
        var authors = AuthorIds();
        var picked = Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => authors[_random.Next(authors.Count)]).Distinct(StringComparer.Ordinal).ToList();
        var unknown = _random.Next(15) == 0;
        if (unknown)
        {
            picked.Add("nobody-known");
        }

        var undo = Restore(path);
        article.Remove("author");
        article.Set("authors", "[" + string.Join(", ", picked) + "]");
        var what = $"authors [{string.Join(", ", picked)}]";
        return unknown ? MistakeIn(path, what, undo) : what;
    });

    private string Resummarize() => EditArticle((article, _) =>
    {
        if (_random.Next(4) == 0)
        {
            article.Remove("summary");
            return "removed the summary";
        }

        article.Set("summary", Quoted(Sentence(12)));
        return "new summary";
    });

    private string ToggleDraft() => EditArticle((article, path) =>
    {
        if (article.Get("draft") == "true")
        {
            article.Remove("draft");
            return "no longer a draft";
        }

        var undo = Restore(path);
        article.Set("draft", "true");
        return MistakeIn(path, "made a draft", undo);
    });

    private string SetExpiry() => EditArticle((article, path) =>
    {
        if (article.Has("expires") && _random.Next(2) == 0)
        {
            article.Remove("expires");
            return "removed expires";
        }

        var undo = Restore(path);
        var date = Date(Settings.Now.AddDays(-5), Settings.Now.AddDays(5));
        article.Set("expires", date);

        // Expired, its page may go (expired_pages: remove), and links to it with it.
        return MistakeIn(path, $"expires {date}", undo);
    });

    private string ToggleBreaking() => EditArticle((article, _) =>
    {
        if (article.Has("breaking"))
        {
            article.Remove("breaking");
            return "no longer breaking";
        }

        article.Set("breaking", "true");
        return "breaking";
    });

    private string AddCorrection() => EditArticle((article, _) =>
    {
        var date = Date(Settings.Now.AddDays(-10), Settings.Now);
        var type = _random.Next(2) == 0 ? "correction" : "update";
        var block = article.Has("corrections") ? [] : new List<string> { "corrections:" };
        block.AddRange([$"  - date: {date}", $"    type: {type}", $"    note: {Quoted(Sentence(7))}"]);
        if (article.Has("corrections"))
        {
            var at = article.Lines.FindIndex(l => l.StartsWith("corrections:", StringComparison.Ordinal));
            article.Lines.InsertRange(at + 1, block);
        }
        else
        {
            article.SetBlock("corrections", block);
        }

        return $"{type} dated {date}";
    });

    private string SetSlug() => EditArticle((article, path) =>
    {
        if (article.Has("slug") && _random.Next(2) == 0)
        {
            article.Remove("slug");
            return "removed the slug";
        }

        var undo = Restore(path);
        var taken = _random.Next(8) == 0;
        var slug = taken ? Slugs()[_random.Next(Slugs().Count)] : $"renamed-{++_serial}";
        article.Set("slug", slug);

        // Links to the old slug fail the build until it is back.
        return MistakeIn(path, taken ? $"slug {slug}, another article's" : $"slug {slug}", undo);
    });

    private string SetRelated() => EditArticle((article, path) =>
    {
        if (article.Has("related") && _random.Next(3) == 0)
        {
            article.Remove("related");
            return "removed related";
        }

        var picks = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => SlugOrUnknown()).Distinct(StringComparer.Ordinal).ToList();
        article.Set("related", "[" + string.Join(", ", picks) + "]");
        return $"related [{string.Join(", ", picks)}]";
    });

    private string SetLocation() => EditArticle((article, _) =>
    {
        var city = Cities[_random.Next(Cities.Length)];
        article.Set("location", city);
        return $"location {city}";
    });

    private string SetImage() => EditArticle((article, _) =>
    {
        if (article.Has("image") && _random.Next(2) == 0)
        {
            article.Remove("image");
            article.Remove("image_alt");
            return "removed the image";
        }

        var images = Directory.GetFiles(Path.Combine(_root, "static", "images", "articles")).Order(StringComparer.Ordinal).ToList();
        var image = images.Count == 0 ? "/images/logo.svg" : "/images/articles/" + Path.GetFileName(images[_random.Next(images.Count)]);
        article.Set("image", image);
        article.Set("image_alt", Quoted(Sentence(5)));
        return $"image {image}";
    });

    private string SetExtra() => EditArticle((article, _) =>
    {
        var mood = Moods[_random.Next(Moods.Length)];
        article.Set("mood", mood);
        return $"extra mood {mood}";
    });

    private string BreakArticle()
    {
        var path = PickArticle();
        if (path is null)
        {
            return "found no article to break";
        }

        var good = File.ReadAllText(Full(path));
        var (broken, how) = _random.Next(4) switch
        {
            0 => (good.Replace("\n---\n", "\n--\n", StringComparison.Ordinal), "unclosed its front matter"),
            1 => (Regex.Replace(good, "^tags:.*$", "tags: [unclosed", RegexOptions.Multiline), "an unclosed list"),
            2 => (Regex.Replace(good, "^date:.*$", "date: 31/02/2026", RegexOptions.Multiline), "an impossible date"),
            _ => (good.TrimEnd('\n') + "\n\n{{< also-read >}}\n", "a shortcode without its slug"),
        };
        var undo = Restore(path);
        Write(path, broken);
        return Mistake($"{path}: broke it ({how})", undo);
    }

    private string DeleteArticle()
    {
        var path = PickArticle();
        if (path is null)
        {
            return "found no article to delete";
        }

        var undo = Restore(path);
        File.Delete(Full(path));
        return Mistake($"deleted {path}", undo);
    }

    private string AddArticle()
    {
        var authors = AuthorIds();
        var categories = CategoryPaths();
        var slug = $"fresh-report-{++_serial}";
        var path = $"articles/{Folders[_random.Next(Folders.Length)]}/{slug}.md";
        var text = new StringBuilder()
            .Append("---\n")
            .Append(CultureInfo.InvariantCulture, $"title: {Quoted(Title())}\n")
            .Append(CultureInfo.InvariantCulture, $"date: {Date(Settings.Now.AddDays(-20), Settings.Now.AddDays(1))}\n")
            .Append(CultureInfo.InvariantCulture, $"authors: [{authors[_random.Next(authors.Count)]}]\n")
            .Append(CultureInfo.InvariantCulture, $"category: {categories[_random.Next(categories.Count)]}\n")
            .Append(CultureInfo.InvariantCulture, $"tags: [{string.Join(", ", KnownTags().Take(1 + _random.Next(2)))}]\n")
            .Append(CultureInfo.InvariantCulture, $"summary: {Quoted(Sentence(10))}\n")
            .Append("---\n")
            .Append(Sentence(30)).Append("\n\n## What comes next\n\n").Append(Sentence(25)).Append('\n')
            .ToString();
        Write(path, text);
        return $"added {path}";
    }

    private string MoveArticle()
    {
        var path = PickArticle();
        if (path is null)
        {
            return "found no article to move";
        }

        var name = _random.Next(2) == 0 ? Path.GetFileName(path) : $"moved-{++_serial}.md";
        var target = $"articles/{Folders[_random.Next(Folders.Length)]}/{name}";
        if (File.Exists(Full(target)))
        {
            return $"left {path} where it was ({target} exists)";
        }

        var undo = Restore(path) + Restore(target);
        var text = File.ReadAllText(Full(path));
        File.Delete(Full(path));
        Write(target, text);
        return Mistake($"moved {path} to {target}", undo);
    }

    private string CopyArticle()
    {
        var path = PickArticle();
        if (path is null)
        {
            return "found no article to copy";
        }

        var target = $"articles/{Folders[_random.Next(Folders.Length)]}/copy-{++_serial}.md";
        var undo = Restore(target);
        Write(target, File.ReadAllText(Full(path)));
        return Mistake($"copied {path} to {target}", undo);
    }

    /// <summary>Moves an article out of the site and links it back, as a newsroom sharing files between sites does: later edits change the file the link leads to.</summary>
    private string LinkArticle()
    {
        var path = PickArticle();
        if (path is null || new FileInfo(Full(path)).LinkTarget is not null)
        {
            return "found no article to link";
        }

        var outside = Path.Combine(Path.GetDirectoryName(_root)!, "outside", $"shared-{++_serial}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(outside)!);
        File.Move(Full(path), outside);
        File.CreateSymbolicLink(Full(path), outside);
        return $"{path}: moved out of the site and linked back";
    }

    /// <summary>Gives a file Windows line endings, or back (an editor's setting, git's autocrlf).</summary>
    private string ChangeLineEndings()
    {
        var path = _random.Next(3) == 0 ? $"authors/{AuthorIds()[_random.Next(AuthorIds().Count)]}.md" : PickArticle();
        if (path is null)
        {
            return "found no file for line endings";
        }

        var text = File.ReadAllText(Full(path));
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        Write(path, crlf ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text.Replace("\n", "\r\n", StringComparison.Ordinal));
        return $"{path}: {(crlf ? "LF" : "CRLF")} line endings";
    }

    private string EditAuthorBio() => EditAuthor((author, id) =>
    {
        author.Body = author.Body.TrimEnd('\n') + " " + Sentence(9) + "\n";
        return $"extended {id}'s bio";
    });

    private string RenameAuthor() => EditAuthor((author, id) =>
    {
        var name = $"{Words[_random.Next(Words.Length)]} {Words[_random.Next(Words.Length)]}";
        if (_random.Next(2) == 0)
        {
            author.Set("role", Quoted(Sentence(3)));
            return $"{id}'s role changed";
        }

        author.Set("name", Quoted(name));
        return $"{id} renamed '{name}'";
    });

    private string AddAuthor()
    {
        var id = $"new-correspondent-{++_serial}";
        Write($"authors/{id}.md", $"---\nname: {Quoted(Title())}\nrole: Correspondent\n---\n{Sentence(15)}\n");
        return $"added author {id}";
    }

    private string DeleteAuthor()
    {
        var authors = AuthorIds();
        if (authors.Count < 2)
        {
            return "kept the last author";
        }

        var id = authors[_random.Next(authors.Count)];
        var undo = Restore($"authors/{id}.md");
        File.Delete(Full($"authors/{id}.md"));
        return Mistake($"deleted author {id}", undo);
    }

    private string EditSettings()
    {
        var settings = FrontMatterText.FromYaml(File.ReadAllText(Full("site.yml")));
        switch (_random.Next(16))
        {
            case 14:
            {
                var days = _random.Next(1, 15);
                settings.SetBlock("analytics", _random.Next(3) == 0 ? [] : ["analytics:", $"  window_days: {days}"]);
                Write("site.yml", settings.Yaml());
                return settings.Has("analytics") ? $"site.yml: analytics window {days} days" : "site.yml: analytics settings removed";
            }

            case 15:
            {
                var name = Words[_random.Next(Words.Length)];
                settings.SetBlock("social", ["social:", "  - name: Mastodon", $"    url: https://social.example.org/@{name.ToLowerInvariant()}"]);
                Write("site.yml", settings.Yaml());
                return $"site.yml: social links now Mastodon @{name}";
            }
        }

        var (key, value) = _random.Next(14) switch
        {
            0 => ("title", Quoted(Title())),
            1 => ("page_size", (3 + _random.Next(10)).ToString(CultureInfo.InvariantCulture)),
            2 => ("feed_size", (5 + _random.Next(20)).ToString(CultureInfo.InvariantCulture)),
            3 => ("related_count", _random.Next(7).ToString(CultureInfo.InvariantCulture)),
            4 => ("date_format", new[] { "d MMMM yyyy", "MMMM d, yyyy", "yyyy-MM-dd" }[_random.Next(3)]),
            5 => ("feed_content", _random.Next(2) == 0 ? "full" : "summary"),
            6 => ("section_feed_content", _random.Next(2) == 0 ? "full" : "summary"),
            7 => ("relative_urls", _random.Next(2) == 0 ? "true" : "false"),
            8 => ("expired_pages", _random.Next(2) == 0 ? "keep" : "remove"),
            9 => ("breaking_hours", (1 + _random.Next(48)).ToString(CultureInfo.InvariantCulture)),
            10 => ("permalink", new[] { "/:slug/", "/:year/:month/:slug/", "/:category/:slug/", "/news/:section/:slug/" }[_random.Next(4)]),
            11 => ("language", new[] { "en", "fr", "de" }[_random.Next(3)]),
            12 => ("time_zone", new[] { "Asia/Karachi", "Europe/London", "UTC" }[_random.Next(3)]),
            _ => ("markdown_raw_html", _random.Next(2) == 0 ? "true" : "false"),
        };
        settings.Set(key, value);
        Write("site.yml", settings.Yaml());
        return $"site.yml: {key} {value}";
    }

    private string EditCategories()
    {
        var undo = Restore("categories.yml");
        var lines = File.ReadAllText(Full("categories.yml")).TrimEnd('\n').Split('\n').ToList();
        var kind = _random.Next(4);
        if (kind == 3 && !lines.Any(l => l.StartsWith("    - name:", StringComparison.Ordinal)))
        {
            kind = 2;
        }

        string what;
        switch (kind)
        {
            case 0:
            {
                var at = RandomIndex(lines, l => l.TrimStart().StartsWith("description:", StringComparison.Ordinal));
                lines[at] = lines[at][..(lines[at].IndexOf(':', StringComparison.Ordinal) + 1)] + " " + Sentence(8);
                what = "a description changed";
                break;
            }

            case 1:
            {
                var at = RandomIndex(lines, l => l.TrimStart().StartsWith("- name:", StringComparison.Ordinal));
                lines[at] = lines[at][..(lines[at].IndexOf(':', StringComparison.Ordinal) + 1)] + " " + Title();
                what = "a category renamed";
                break;
            }

            case 2:
            {
                var at = RandomIndex(lines, l => l == "  children:");
                var slug = $"desk-{++_serial}";
                lines.InsertRange(at + 1, [$"    - name: Desk {_serial}", $"      slug: {slug}", $"      description: {Sentence(6)}"]);
                what = $"a child {slug} added";
                break;
            }

            default:
            {
                var at = RandomIndex(lines, l => l.StartsWith("    - name:", StringComparison.Ordinal));
                var end = at + 1;
                while (end < lines.Count && lines[end].StartsWith("      ", StringComparison.Ordinal))
                {
                    end++;
                }

                what = $"removed{lines[at][5..]}";
                lines.RemoveRange(at, end - at);
                break;
            }
        }

        Write("categories.yml", string.Join('\n', lines) + "\n");
        return kind == 3 ? Mistake($"categories.yml: {what}", undo) : $"categories.yml: {what}";
    }

    private string EditPopular()
    {
        if (_random.Next(5) == 0 && File.Exists(Full("data/popular.yml")))
        {
            File.Delete(Full("data/popular.yml"));
            return "deleted popular.yml";
        }

        var slugs = Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => SlugOrUnknown()).Distinct(StringComparer.Ordinal).ToList();
        Write("data/popular.yml", string.Concat(slugs.Select(s => $"- {s}\n")));
        return $"popular.yml: {string.Join(", ", slugs)}";
    }

    private string EditAnalytics()
    {
        var path = "data/analytics.csv";
        if (!File.Exists(Full(path)) || _random.Next(6) == 0)
        {
            if (File.Exists(Full(path)))
            {
                File.Delete(Full(path));
                return "deleted analytics.csv";
            }

            Write(path, "date,path,pageviews\n");
        }

        // The sample's export has no date column (every row counts); one written here has, and its rows age out of the window.
        var text = File.ReadAllText(Full(path));
        var day = Settings.Now.AddDays(-_random.Next(10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dated = text.StartsWith("date,", StringComparison.Ordinal) ? $"{day}," : string.Empty;
        var row = _random.Next(10) == 0 ? $"{dated}/no-such-page/,12" : $"{dated}/{SlugOrUnknown()}/,{_random.Next(1, 5000)}";
        Write(path, text + row + "\n");
        return $"analytics.csv: {row}";
    }

    private string EditStaticFile()
    {
        var files = Directory.GetFiles(Full("static"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        switch (_random.Next(4))
        {
            case 3:
            {
                // A robots.txt of the site's own replaces the one the build writes, and the build's is back when it goes.
                if (File.Exists(Full("static/robots.txt")))
                {
                    File.Delete(Full("static/robots.txt"));
                    return "deleted static/robots.txt";
                }

                Write("static/robots.txt", "User-agent: *\nDisallow: /private/\n");
                return "added static/robots.txt";
            }

            case 0:
            {
                var path = $"static/files/notice-{++_serial}.txt";
                Write(path, Sentence(6) + "\n");
                return $"added {path}";
            }

            case 1 when files.Count > 0:
            {
                var file = files[_random.Next(files.Count)];
                var path = Path.GetRelativePath(_root, file).Replace('\\', '/');
                Write(path, File.ReadAllText(file) + "\n");
                return $"changed {path}";
            }

            default:
            {
                if (files.Count == 0)
                {
                    return "found no static file";
                }

                var file = files[_random.Next(files.Count)];
                File.Delete(file);
                return $"deleted {Path.GetRelativePath(_root, file)}";
            }
        }
    }

    private string EditTemplate()
    {
        var names = Directory.GetFiles(_theme, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_theme, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var name = names[_random.Next(names.Count)];
        var path = "templates/" + name;
        if (File.Exists(Full(path)) && _random.Next(2) == 0)
        {
            File.Delete(Full(path));
            return $"removed the override {path}";
        }

        // Now and then the edit shows the time of the build, which the clock's moves then change with no file changed.
        var time = _random.Next(6) == 0 ? " at {{ date.now | date.to_string '%F %H:%M' }}" : string.Empty;
        var good = (File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : File.ReadAllText(Path.Combine(_theme, name)))
            + $"<!-- newsroom edit {++_serial}{time} -->\n";
        if (_random.Next(8) == 0)
        {
            var undo = Restore(path);
            Write(path, good + "{{ end }}\n");
            return Mistake($"{path}: a stray end", undo);
        }

        Write(path, good);
        return $"overrode {path}";
    }

    private string MoveClock()
    {
        var hours = _random.Next(1, 72);
        Settings = Settings with { Now = Settings.Now.AddHours(hours) };
        return $"clock moved on {hours} h";
    }

    private string ChangeOptions()
    {
        Settings = _random.Next(4) switch
        {
            0 => Settings with { Drafts = !Settings.Drafts },
            1 => Settings with { Future = !Settings.Future },
            2 => Settings with { Strict = !Settings.Strict },
            _ => Settings with { BaseUrl = Settings.BaseUrl is null ? "https://news.example.net/edition/" : null },
        };
        return Settings.Strict ? Mistake($"options: {Settings}", () => Settings = Settings with { Strict = false }) : $"options: {Settings}";
    }

    private string EditArticle(Func<FrontMatterText, string, string> edit)
    {
        var path = PickArticle();
        if (path is null)
        {
            return "found no article to edit";
        }

        var article = FrontMatterText.Parse(File.ReadAllText(Full(path)));
        if (article is null)
        {
            return $"{path}: left alone (its front matter is broken)";
        }

        var what = edit(article, path);
        Write(path, article.ToString());
        return $"{path}: {what}";
    }

    private string EditAuthor(Func<FrontMatterText, string, string> edit)
    {
        var authors = AuthorIds();
        var id = authors[_random.Next(authors.Count)];
        var path = $"authors/{id}.md";
        var author = FrontMatterText.Parse(File.ReadAllText(Full(path)));
        if (author is null)
        {
            return $"{path}: left alone";
        }

        var what = edit(author, id);
        Write(path, author.ToString());
        return what;
    }

    /// <summary>Writes a site file and gives it a time stamp no file had before.</summary>
    private void Write(string path, string text)
    {
        var full = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        var stamp = ++_stamps;
        switch (_random.Next(10))
        {
            case 0:
                break;
            case 1:
                File.SetLastWriteTimeUtc(full, _stampBase - TimeSpan.FromDays(2) - TimeSpan.FromSeconds(stamp));
                break;
            default:
                File.SetLastWriteTimeUtc(full, _stampBase + TimeSpan.FromSeconds(stamp));
                break;
        }
    }

    private string Full(string path) => Path.Combine(_root, path);

    /// <summary>
    /// Records a change that can leave the site failing to build (an unknown author, a removed category, a broken link), for a
    /// later step to undo as a writer fixes what the build reported; returns <paramref name="what"/>.
    /// </summary>
    private string Mistake(string what, Action undo)
    {
        _mistakes.Add((what, undo));
        return what;
    }

    /// <summary>A <see cref="Mistake"/> made in the file at <paramref name="path"/>, described without the path (<see cref="EditArticle"/> adds it).</summary>
    private string MistakeIn(string path, string what, Action undo)
    {
        _mistakes.Add(($"{path}: {what}", undo));
        return what;
    }

    /// <summary>What puts <paramref name="path"/> back as it is now (written again with a new stamp, or deleted if it does not exist yet).</summary>
    private Action Restore(string path)
    {
        var text = File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : null;
        return () =>
        {
            if (text is null)
            {
                File.Delete(Full(path));
            }
            else
            {
                Write(path, text);
            }
        };
    }

    private string? PickArticle()
    {
        var articles = Directory.GetFiles(Full("articles"), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        return articles.Count == 0 ? null : articles[_random.Next(articles.Count)];
    }

    private List<string> AuthorIds() =>
        [.. Directory.GetFiles(Full("authors"), "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    private List<string> Slugs() =>
        [.. Directory.GetFiles(Full("articles"), "*.md", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Whether the article whose file is named after <paramref name="slug"/> is a draft (the sample newsroom has one).</summary>
    private bool NamesADraft(string slug) =>
        Directory.GetFiles(Full("articles"), slug + ".md", SearchOption.AllDirectories)
            .Any(f => FrontMatterText.Parse(File.ReadAllText(f))?.Get("draft") == "true");

    private string SlugOrUnknown()
    {
        var slugs = Slugs();
        return slugs.Count == 0 || _random.Next(10) == 0 ? UnknownSlug : slugs[_random.Next(slugs.Count)];
    }

    private List<string> KnownTags() =>
        [.. Directory.GetFiles(Full("articles"), "*.md", SearchOption.AllDirectories)
            .Select(f => FrontMatterText.Parse(File.ReadAllText(f))?.Get("tags"))
            .OfType<string>()
            .SelectMany(t => t.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every category path of categories.yml: its top-level slugs and their children's.</summary>
    private List<string> CategoryPaths()
    {
        var paths = new List<string>();
        var top = string.Empty;
        foreach (var line in File.ReadAllLines(Full("categories.yml")))
        {
            if (CategorySlug().Match(line) is { Success: true } match)
            {
                if (match.Groups["indent"].Length == 2)
                {
                    top = match.Groups["slug"].Value;
                    paths.Add(top);
                }
                else
                {
                    paths.Add(top + "/" + match.Groups["slug"].Value);
                }
            }
        }

        return paths;
    }

    private int RandomIndex(List<string> lines, Func<string, bool> where)
    {
        var indices = Enumerable.Range(0, lines.Count).Where(i => where(lines[i])).ToList();
        return indices[_random.Next(indices.Count)];
    }

    private string Title()
    {
        var words = Sentence(5);
        return char.ToUpperInvariant(words[0]) + words[1..].TrimEnd('.');
    }

    private string Sentence(int words)
    {
        var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[_random.Next(Words.Length)]));
        return text + ".";
    }

    private string Date(DateTimeOffset from, DateTimeOffset to)
    {
        var minutes = (int)(to - from).TotalMinutes;
        return from.AddMinutes(_random.Next(Math.Max(1, minutes))).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Quoted(string text) => "\"" + text.Replace("\"", "'", StringComparison.Ordinal) + "\"";

    [GeneratedRegex("^(?<indent> *)slug: (?<slug>\\S+)$")]
    private static partial Regex CategorySlug();
}
