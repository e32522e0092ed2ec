using System.Globalization;
using StaticNews.Cli;

// First, before anything reads culture data: it loads ICU.
IcuVersionPin.Apply();
// Then ICU loads on a pool thread while the command line is parsed: every command needs it sooner or later (to print, to
// read a site's language), and loading it takes a few milliseconds that would otherwise fall on the first thread to ask.
_ = Task.Run(static () => CultureInfo.CurrentCulture);
using var cancel = new CancellationTokenSource();
using var interrupts = InterruptSignals.Register(cancel);
return await StaticNewsCli.RunAsProcessAsync(args, cancel.Token).ConfigureAwait(false);
