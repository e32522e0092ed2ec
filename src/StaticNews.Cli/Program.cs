using StaticNews.Cli;

// The code the rest of the start-up runs, mapped in one call rather than a fault at a time.
ExecutableCode.Map();

// First, before anything reads culture data: it loads ICU.
IcuVersionPin.Apply();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command cleanly; a second one ends the process at once.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
return await StaticNewsCli.RunAsProcessAsync(args, cancel.Token).ConfigureAwait(false);
