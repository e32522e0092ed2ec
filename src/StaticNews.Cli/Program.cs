using StaticNews.Cli;

return await StaticNewsCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
