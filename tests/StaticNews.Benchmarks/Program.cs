using System.Globalization;
using BenchmarkDotNet.Running;
using StaticNews.Benchmarks;

// Usage:
//   compare [--sizes 1000,10000] [--runs 3] [--work DIR] [--cli DIR]
//                                                          build generated sites with StaticNews and Hugo, print figures
//   generate --articles N --out DIR [--hugo DIR]           write a synthetic site (and its Hugo twin)
//   alternate --a DIR --b DIR [--articles 1000] [--rounds 30] [--change edit|none] [--idle SECONDS] [--work DIR] [--copies DIR]
//             [--a-env NAME=VALUE]... [--b-env NAME=VALUE]...
//                                                          time two published CLIs (or one, with a variable set for one side)
//                                                          against each other, in turn
//   soak --cli DIR [--articles 1000] [--steps 25] [--seeds 1-4] [--work DIR]
//                                                          random changes, each built incrementally and cold: folders must match
//   profile [--site DIR]                                   time the steps of one in-process build of a generated site
//   micro [BenchmarkDotNet args]                           hot-path micro-benchmarks
var command = args.Length > 0 ? args[0] : "compare";
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
IEnumerable<string> Repeated(string name) => Enumerable.Range(0, Math.Max(args.Length - 1, 0)).Where(i => args[i] == name).Select(i => args[i + 1]);

switch (command)
{
    case "compare":
        var sizes = (Option("--sizes") ?? "1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var runs = int.Parse(Option("--runs") ?? "3", CultureInfo.InvariantCulture);
        var work = Path.GetFullPath(Option("--work") ?? Path.Combine(Path.GetTempPath(), "staticnews-bench"));
        var cliFolder = Path.GetFullPath(Option("--cli") ?? Path.Combine(Path.GetTempPath(), "staticnews-bench-cli"));
        new BuildComparison(work, cliFolder, runs, Console.Out).Run(sizes);
        return 0;
    case "generate":
        var corpus = CorpusGenerator.Generate(int.Parse(Option("--articles") ?? "1000", CultureInfo.InvariantCulture));
        StaticNewsLayout.Write(corpus, Option("--out") ?? "bench-site");
        if (Option("--hugo") is { } hugo)
        {
            HugoLayout.Write(corpus, hugo);
        }

        return 0;
    case "alternate":
        if (Option("--a") is not { } first || Option("--b") is not { } second)
        {
            Console.Error.WriteLine("alternate needs --a and --b: two folders a publish of the CLI wrote.");
            return 2;
        }

        var change = Option("--change") ?? "edit";
        if (change is not ("edit" or "none"))
        {
            Console.Error.WriteLine($"Unknown --change '{change}': use edit (one body edited each round) or none (unchanged builds).");
            return 2;
        }

        EnvironmentOverrides firstEnvironment, secondEnvironment;
        try
        {
            (firstEnvironment, secondEnvironment) = (EnvironmentOverrides.Parse(Repeated("--a-env")), EnvironmentOverrides.Parse(Repeated("--b-env")));
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"alternate: {e.Message} Set a variable for one side's builds with --a-env NAME=VALUE or --b-env NAME=VALUE.");
            return 2;
        }

        new BuildAlternation(
            Path.GetFullPath(Option("--work") ?? Path.Combine(Path.GetTempPath(), "staticnews-alternate")),
            Path.GetFullPath(Option("--copies") ?? Path.Combine(Path.GetTempPath(), "staticnews-alternate-cli")),
            Console.Out).Run(
            first,
            second,
            int.Parse(Option("--articles") ?? "1000", CultureInfo.InvariantCulture),
            int.Parse(Option("--rounds") ?? "30", CultureInfo.InvariantCulture),
            edit: change == "edit",
            idle: TimeSpan.FromSeconds(double.Parse(Option("--idle") ?? "0", CultureInfo.InvariantCulture)),
            firstEnvironment,
            secondEnvironment);
        return 0;
    case "soak":
        if (Option("--cli") is not { } soakCli)
        {
            Console.Error.WriteLine("soak needs --cli: a folder a publish of the CLI wrote.");
            return 2;
        }

        var seedRange = (Option("--seeds") ?? "1-4").Split('-').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var soak = new IncrementalSoak(Path.GetFullPath(Option("--work") ?? Path.Combine(Path.GetTempPath(), "staticnews-soak")), Console.Out);
        for (var seed = seedRange[0]; seed <= seedRange[^1]; seed++)
        {
            if (!soak.Run(
                [Path.Combine(Path.GetFullPath(soakCli), BuildAlternation.ExecutableName)],
                int.Parse(Option("--articles") ?? "1000", CultureInfo.InvariantCulture),
                int.Parse(Option("--steps") ?? "25", CultureInfo.InvariantCulture),
                seed))
            {
                return 1;
            }
        }

        return 0;
    case "profile":
        return StageProfile.Run(Option("--site") ?? "bench-site", Console.Out);
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(HotPathBenchmarks).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command '{command}': use compare, generate, alternate, soak, profile or micro.");
        return 2;
}
