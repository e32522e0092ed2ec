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
//   micro [BenchmarkDotNet args]                           hot-path micro-benchmarks (all of them with no arguments)
// Any other argument stops the command with exit code 2 before it measures anything. With STATICNEWS_BENCH_PLAN_ONLY=1,
// compare and micro print what they would measure and stop.
var command = args.Length > 0 ? args[0] : "compare";
var arguments = args.Length > 0 ? args[1..] : [];

try
{
    return Run(command, arguments);
}
catch (BenchmarkUsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static int Run(string command, string[] arguments)
{
    BenchmarkOptions Options(params string[] single) => BenchmarkOptions.Parse(command, arguments, single, []);

    switch (command)
    {
        case "compare":
        {
            var options = Options("--sizes", "--runs", "--work", "--cli");
            var sizes = options.Numbers("--sizes", [1_000, 10_000]);
            var runs = options.Number("--runs", 3);
            var work = Path.GetFullPath(options.Value("--work") ?? Path.Combine(Path.GetTempPath(), "staticnews-bench"));
            var cliFolder = Path.GetFullPath(options.Value("--cli") ?? Path.Combine(Path.GetTempPath(), "staticnews-bench-cli"));
            if (PlanOnly.IsRequested)
            {
                Console.WriteLine(BuildComparison.Plan(sizes, runs, work, cliFolder));
                return 0;
            }

            new BuildComparison(work, cliFolder, runs, Console.Out).Run(sizes);
            return 0;
        }

        case "generate":
        {
            var options = Options("--articles", "--out", "--hugo");
            var corpus = CorpusGenerator.Generate(options.Number("--articles", 1000));
            StaticNewsLayout.Write(corpus, options.Value("--out") ?? "bench-site");
            if (options.Value("--hugo") is { } hugo)
            {
                HugoLayout.Write(corpus, hugo);
            }

            return 0;
        }

        case "alternate":
        {
            var options = BenchmarkOptions.Parse(
                command,
                arguments,
                ["--a", "--b", "--articles", "--rounds", "--change", "--idle", "--work", "--copies"],
                ["--a-env", "--b-env"]);
            if (options.Value("--a") is not { } first || options.Value("--b") is not { } second)
            {
                throw new BenchmarkUsageException("alternate needs --a and --b: two folders a publish of the CLI wrote.");
            }

            var change = options.Value("--change") ?? "edit";
            if (change is not ("edit" or "none"))
            {
                throw new BenchmarkUsageException($"Unknown --change '{change}': use edit (one body edited each round) or none (unchanged builds).");
            }

            EnvironmentOverrides firstEnvironment, secondEnvironment;
            try
            {
                (firstEnvironment, secondEnvironment) = (EnvironmentOverrides.Parse(options.Values("--a-env")), EnvironmentOverrides.Parse(options.Values("--b-env")));
            }
            catch (FormatException e)
            {
                throw new BenchmarkUsageException($"alternate: {e.Message} Set a variable for one side's builds with --a-env NAME=VALUE or --b-env NAME=VALUE.");
            }

            new BuildAlternation(
                Path.GetFullPath(options.Value("--work") ?? Path.Combine(Path.GetTempPath(), "staticnews-alternate")),
                Path.GetFullPath(options.Value("--copies") ?? Path.Combine(Path.GetTempPath(), "staticnews-alternate-cli")),
                Console.Out).Run(
                first,
                second,
                options.Number("--articles", 1000),
                options.Number("--rounds", 30),
                edit: change == "edit",
                idle: TimeSpan.FromSeconds(options.Seconds("--idle", 0)),
                firstEnvironment,
                secondEnvironment);
            return 0;
        }

        case "soak":
        {
            var options = Options("--cli", "--articles", "--steps", "--seeds", "--work");
            if (options.Value("--cli") is not { } soakCli)
            {
                throw new BenchmarkUsageException("soak needs --cli: a folder a publish of the CLI wrote.");
            }

            var (firstSeed, lastSeed) = options.Range("--seeds", (1, 4));
            var articles = options.Number("--articles", 1000);
            var steps = options.Number("--steps", 25);
            var soak = new IncrementalSoak(Path.GetFullPath(options.Value("--work") ?? Path.Combine(Path.GetTempPath(), "staticnews-soak")), Console.Out);
            for (var seed = firstSeed; seed <= lastSeed; seed++)
            {
                if (!soak.Run([Path.Combine(Path.GetFullPath(soakCli), BuildAlternation.ExecutableName)], articles, steps, seed))
                {
                    return 1;
                }
            }

            return 0;
        }

        case "profile":
            return StageProfile.Run(Options("--site").Value("--site") ?? "bench-site", Console.Out);
        case "micro":
            if (PlanOnly.IsRequested)
            {
                Console.WriteLine(MicroBenchmarks.Plan(arguments));
                return 0;
            }

            return MicroBenchmarks.Run(arguments, Console.Error);
        default:
            throw new BenchmarkUsageException($"Unknown command '{command}': use compare, generate, alternate, soak, profile or micro.");
    }
}
