using System.Text.RegularExpressions;

namespace StaticNews.Cli.Tests.Infrastructure;

/// <summary>
/// <c>staticnews serve SITE --port 0</c> run in process through <see cref="StaticNewsCli.RunAsync"/>, as users run it;
/// disposing it presses Ctrl+C (cancels) and checks that the command stopped cleanly.
/// </summary>
internal sealed partial class ServeRun : IAsyncDisposable
{
    /// <summary>Only to detect a hang: a test never asserts how fast anything is.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;

    private ServeRun(Task<int> run, RecordingWriter output, RecordingWriter error, CancellationTokenSource stop)
    {
        _run = run;
        Output = output;
        Error = error;
        _stop = stop;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Patience };
    }

    public RecordingWriter Output { get; }

    public RecordingWriter Error { get; }

    public HttpClient Http { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int ExitCode { get; private set; } = -1;

    public static async Task<ServeRun> StartAsync(string siteRoot, params string[] extraArgs)
    {
        var output = new RecordingWriter();
        var error = new RecordingWriter();
        var stop = new CancellationTokenSource();
        var run = Task.Run(() => StaticNewsCli.RunAsync(["serve", siteRoot, "--port", "0", .. extraArgs], output, error, stop.Token));
        var serve = new ServeRun(run, output, error, stop);
        await serve.WaitForOutputAsync(UrlPattern(), 1);
        serve.BaseAddress = new Uri(UrlPattern().Match(output.Text).Value);
        serve.Http.BaseAddress = serve.BaseAddress;
        await serve.WaitForOutputAsync(RebuildLine(), 1);
        return serve;
    }

    /// <summary>Waits until the output holds at least <paramref name="count"/> matches; fails with everything printed so far.</summary>
    public async Task WaitForOutputAsync(Regex pattern, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (pattern.Count(Output.Text) < count)
        {
            if (_run.IsCompleted)
            {
                Assert.Fail($"serve ended early (exit {await _run}).\nstdout:\n{Output.Text}\nstderr:\n{Error.Text}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for '{pattern}' x{count}.\nstdout:\n{Output.Text}\nstderr:\n{Error.Text}");
            }

            await Task.Delay(50);
        }
    }

    public int RebuildCount => RebuildLine().Count(Output.Text);

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}\nstdout:\n{Output.Text}\nstderr:\n{Error.Text}");
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        ExitCode = await _run.WaitAsync(Patience);
        Http.Dispose();
        _stop.Dispose();
    }

    /// <summary>One line per build: "HH:mm:ss Built in …", "HH:mm:ss … changed: rebuilt in …" or "… changed: copied in …".</summary>
    [GeneratedRegex(@"^\d\d:\d\d:\d\d .*(Built|rebuilt|copied) in \d+ ms", RegexOptions.Multiline)]
    public static partial Regex RebuildLine();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex UrlPattern();
}
