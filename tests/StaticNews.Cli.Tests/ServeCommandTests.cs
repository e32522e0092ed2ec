using System.Net;
using StaticNews.Cli.Tests.Infrastructure;
using StaticNews.Tests.Infrastructure;

namespace StaticNews.Cli.Tests;

/// <summary><c>staticnews serve</c> over HTTP: the real server on 127.0.0.1 with a free port, the command run as users run it.</summary>
public sealed class ServeCommandTests
{
    private const string Article = """
        -- articles/world/talks.md --
        ---
        title: Talks resume in Geneva
        date: 2026-03-19 10:00
        author: jane-doe
        category: world/diplomacy
        ---
        Delegations met again on Tuesday.
        """;

    [Fact]
    public async Task Pages_are_served_from_memory_with_the_live_reload_script_and_nothing_is_written()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);

        using var response = await serve.Http.GetAsync("talks/");
        var html = await response.Content.ReadAsStringAsync();
        var home = await serve.GetStringAsync("/");
        var css = await serve.Http.GetAsync("assets/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("Talks resume in Geneva</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/__staticnews/live.js\" data-version=\"1\"></script>\n</body>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"" + serve.BaseAddress + "talks/\"", html, StringComparison.Ordinal);
        Assert.Contains("Talks resume in Geneva", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.DoesNotContain("live.js", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("EventSource(\"/__staticnews/events", await serve.GetStringAsync("/__staticnews/live.js"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.DefaultOutput), "serve must not write the output folder");
    }

    [Fact]
    public async Task An_unknown_path_gets_the_sites_404_page_with_status_404()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);

        using var response = await serve.Http.GetAsync("no/such/page/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("/__staticnews/live.js", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("talks", "/talks/")]
    [InlineData("talks?utm_source=newsletter", "/talks/?utm_source=newsletter")]
    public async Task A_folder_path_without_its_slash_redirects_to_the_folder_keeping_the_query(string path, string location)
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);

        using var response = await serve.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_head_request_gets_the_length_without_the_body_and_other_methods_are_refused()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);

        var page = await serve.Http.GetByteArrayAsync("talks/");
        using var head = await serve.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "talks/"));
        using var post = await serve.Http.PostAsync("talks/", new StringContent("title=changed"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(page.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow);
    }

    [Fact]
    public async Task One_connection_carries_several_requests_and_a_malformed_one_is_refused()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);

        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(serve.BaseAddress.Host, serve.BaseAddress.Port);
        var stream = client.GetStream();
        // Two requests sent at once, the second for a percent-encoded path with a query: both answered in turn.
        await stream.WriteAsync("GET /talks HTTP/1.1\r\nHost: x\r\n\r\nGET /%74alks/?from=feed HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());
        var answers = await ReadUntilAsync(stream, "</html>");
        await stream.WriteAsync("NONSENSE\r\n\r\n"u8.ToArray());
        var refused = await ReadToEndAsync(stream);

        Assert.StartsWith("HTTP/1.1 301 Moved Permanently\r\n", answers, StringComparison.Ordinal);
        Assert.Contains("Location: /talks/\r\n", answers, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 OK\r\n", answers, StringComparison.Ordinal);
        Assert.Contains("Talks resume in Geneva</h1>", answers, StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", refused, StringComparison.Ordinal);
        Assert.Contains("Connection: close\r\n", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_article_sends_a_reload_event_and_serves_the_new_version()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);
        using var events = await serve.Http.GetAsync("__staticnews/events?v=1", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.Equal("retry: 1000", await reader.ReadLineAsync());

        site.Write("articles/world/talks.md", File.ReadAllText(Path.Combine(site.Root, "articles/world/talks.md")).Replace("Talks resume in Geneva", "Talks end in Geneva", StringComparison.Ordinal));

        Assert.Equal(["event: reload", "data: 2"], await ReadEventAsync(reader));
        Assert.Contains("Talks end in Geneva</h1>", await serve.GetStringAsync("talks/"), StringComparison.Ordinal);
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 2);
        Assert.Matches(@"articles/world/talks\.md changed: rebuilt in \d+ ms: \d+ files changed\.", serve.Output.Text);
    }

    [Fact]
    public async Task A_changed_static_file_is_served_without_rebuilding_the_pages()
    {
        using var site = TempSite.Create(Article + "\n-- static/css/extra.css --\nbody { color: red; }");
        await using var serve = await ServeRun.StartAsync(site.Root);
        Assert.Equal("body { color: red; }\n", await serve.GetStringAsync("css/extra.css"));

        site.Write("static/css/extra.css", "body { color: blue; }\n");
        site.Write("static/css/new.css", "p { margin: 0; }\n");
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 2);

        Assert.Matches(@"static/css/extra\.css, static/css/new\.css changed: copied in \d+ ms \(no page rebuilt\)\.", serve.Output.Text);
        Assert.Equal("body { color: blue; }\n", await serve.GetStringAsync("css/extra.css"));
        Assert.Equal("p { margin: 0; }\n", await serve.GetStringAsync("css/new.css"));
        Assert.Contains("data-version=\"2\"", await serve.GetStringAsync("talks/"), StringComparison.Ordinal);

        site.Delete("static/css/new.css");
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 3);
        Assert.Equal(HttpStatusCode.NotFound, (await serve.Http.GetAsync("css/new.css")).StatusCode);
    }

    [Fact]
    public async Task A_page_opened_before_the_latest_build_is_told_to_reload_at_once()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);
        site.Write("articles/world/talks.md", File.ReadAllText(Path.Combine(site.Root, "articles/world/talks.md")) + "\nMore.\n");
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 2);

        using var events = await serve.Http.GetAsync("__staticnews/events?v=1", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());

        Assert.Equal("retry: 1000", await reader.ReadLineAsync());
        Assert.Equal(["event: reload", "data: 2"], await ReadEventAsync(reader));
    }

    [Fact]
    public async Task A_build_error_shows_an_overlay_on_every_page_until_the_file_is_fixed()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);
        var good = File.ReadAllText(Path.Combine(site.Root, "articles/world/talks.md"));

        site.Write("articles/world/talks.md", good.Replace("date: 2026-03-19 10:00", "date: 19/03/2026", StringComparison.Ordinal));
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 2);
        var broken = await serve.GetStringAsync("talks/");
        using var missing = await serve.Http.GetAsync("nowhere/");
        var brokenNotFound = await missing.Content.ReadAsStringAsync();

        Assert.Contains("<div id=\"staticnews-overlay\"", broken, StringComparison.Ordinal);
        Assert.Contains("<strong>articles/world/talks.md(3,7)</strong> SN0204: &#39;19/03/2026&#39; is not a date", broken, StringComparison.Ordinal);
        Assert.Contains("Talks resume in Geneva</h1>", broken, StringComparison.Ordinal);
        Assert.Contains("staticnews-overlay", brokenNotFound, StringComparison.Ordinal);
        Assert.Contains("the last good build is still served", serve.Output.Text, StringComparison.Ordinal);
        Assert.Contains("talks.md(3,7): error SN0204", serve.Error.Text.Replace('\\', '/'), StringComparison.Ordinal);

        site.Write("articles/world/talks.md", good);
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 3);

        Assert.DoesNotContain("staticnews-overlay", await serve.GetStringAsync("talks/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_that_never_built_serves_the_errors_and_recovers_once_fixed()
    {
        using var site = TempSite.Create(Article.Replace("title: Talks resume in Geneva\n", string.Empty, StringComparison.Ordinal));
        await using var serve = await ServeRun.StartAsync(site.Root);

        using var response = await serve.Http.GetAsync("talks/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("SN0201", html, StringComparison.Ordinal);

        site.Write("articles/world/talks.md", File.ReadAllText(Path.Combine(site.Root, "articles/world/talks.md")).Replace("---\ndate", "---\ntitle: Fixed\ndate", StringComparison.Ordinal));
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 2);

        Assert.Contains("Fixed</h1>", await serve.GetStringAsync("talks/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_save_patterns_never_surface_a_half_written_file()
    {
        using var site = TempSite.Create(Article);
        await using var serve = await ServeRun.StartAsync(site.Root);
        var path = Path.Combine(site.Root, "articles/world/talks.md");
        var text = File.ReadAllText(path);

        // Write a temporary file beside the article, then rename it over the article (vim, VS Code, JetBrains).
        var temp = Path.Combine(site.Root, "articles/world/.talks.md.tmp");
        File.WriteAllText(temp, text.Replace("Talks resume in Geneva", "Renamed into place", StringComparison.Ordinal));
        File.Move(temp, path, overwrite: true);
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), 2);
        Assert.Contains("Renamed into place</h1>", await serve.GetStringAsync("talks/"), StringComparison.Ordinal);

        // Truncate, pause longer than the watcher's quiet window, then write (editors that save in place).
        var builds = serve.RebuildCount;
        await using (File.Open(path, FileMode.Truncate))
        {
        }

        await Task.Delay(250);
        File.WriteAllText(path, text.Replace("Talks resume in Geneva", "Written in place", StringComparison.Ordinal));
        await serve.WaitForOutputAsync(ServeRun.RebuildLine(), builds + 1);
        var deadline = DateTime.UtcNow + ServeRun.Patience;
        string html;
        while (!(html = await serve.GetStringAsync("talks/")).Contains("Written in place</h1>", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Contains("Written in place</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("staticnews-overlay", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SN0101", serve.Error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(".talks.md.tmp", serve.Output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_future_articles_are_previewed_only_when_asked_for()
    {
        using var site = TempSite.Create(Article + "\n" + """
            -- articles/world/plan.md --
            ---
            title: Plan
            date: 2026-03-20
            author: jane-doe
            category: world
            draft: true
            ---
            Draft.
            -- articles/world/later.md --
            ---
            title: Later
            date: 2999-01-01
            author: jane-doe
            category: world
            ---
            Embargoed.
            """);

        await using (var plain = await ServeRun.StartAsync(site.Root))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await plain.Http.GetAsync("plan/")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await plain.Http.GetAsync("later/")).StatusCode);
        }

        await using var all = await ServeRun.StartAsync(site.Root, "--drafts", "--future");
        Assert.Contains("Plan</h1>", await all.GetStringAsync("plan/"), StringComparison.Ordinal);
        Assert.Contains("Later</h1>", await all.GetStringAsync("later/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_stops_the_server_cleanly_with_exit_code_0()
    {
        using var site = TempSite.Create(Article);
        var serve = await ServeRun.StartAsync(site.Root);
        var address = serve.BaseAddress;

        await serve.DisposeAsync();

        Assert.Equal(0, serve.ExitCode);
        Assert.EndsWith("Stopped.\n", serve.Output.Text, StringComparison.Ordinal);
        using var client = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(address));
    }

    [Fact]
    public async Task Serving_a_folder_without_site_yml_fails_with_a_clear_message()
    {
        var folder = Directory.CreateTempSubdirectory("staticnews-tests-");
        try
        {
            var (exitCode, _, stderr) = await CliRunner.RunAsync("serve", folder.FullName, "--port", "0");

            Assert.Equal(1, exitCode);
            Assert.Contains("no site.yml in", stderr, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string[]> ReadEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(ServeRun.Patience);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (lines.Count > 0)
                {
                    return [.. lines];
                }

                continue;
            }

            if (!line.StartsWith(':'))
            {
                lines.Add(line);
            }
        }

        return [.. lines];
    }

    private static async Task<string> ReadUntilAsync(Stream stream, string end)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(ServeRun.Patience);
        while (!text.ToString().Contains(end, StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "The connection closed before the answers ended:\n" + text);
            text.Append(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    private static async Task<string> ReadToEndAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(ServeRun.Patience);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
