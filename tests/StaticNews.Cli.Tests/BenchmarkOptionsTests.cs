using StaticNews.Benchmarks;

namespace StaticNews.Cli.Tests;

/// <summary>The benchmark commands' options: what a command takes, and every other argument refused before it measures.</summary>
public sealed class BenchmarkOptionsTests
{
    private static readonly string[] CompareOptions = ["--sizes", "--runs", "--work", "--cli"];

    private static BenchmarkOptions Compare(params string[] arguments) => BenchmarkOptions.Parse("compare", arguments, CompareOptions, []);

    [Fact]
    public void Options_given_are_read_and_options_left_out_take_their_defaults()
    {
        var options = Compare("--runs", "5", "--sizes", "1000,10000,100000");

        Assert.Equal([1_000, 10_000, 100_000], options.Numbers("--sizes", [7]));
        Assert.Equal(5, options.Number("--runs", 3));
        Assert.Null(options.Value("--work"));
        Assert.Equal([7], Compare().Numbers("--sizes", [7]));
        Assert.Equal(3, Compare().Number("--runs", 3));
    }

    [Fact]
    public void A_list_split_into_two_arguments_as_powershell_splats_an_array_is_refused_naming_the_stray_value()
    {
        var error = Assert.Throws<BenchmarkUsageException>(() => Compare("--sizes", "1000", "10000", "--runs", "3"));

        Assert.StartsWith("compare: '10000' is not an option.", error.Message, StringComparison.Ordinal);
        Assert.Contains("'1000,10000'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--size", "1000" }, "compare: unknown option '--size'. It takes --cli, --runs, --sizes or --work.")]
    [InlineData(new[] { "--runs" }, "compare: --runs needs a value.")]
    [InlineData(new[] { "--runs", "--work", "/tmp/x" }, "compare: --runs needs a value.")]
    [InlineData(new[] { "--runs", "3", "--runs", "4" }, "compare: --runs is given twice.")]
    [InlineData(new[] { "1000" }, "compare: '1000' is not an option. Options are '--name value' pairs; a list is one argument without spaces ('--sizes 1000,10000', quoted in PowerShell: '1000,10000').")]
    public void Arguments_the_command_cannot_take_are_refused_saying_why(string[] arguments, string message)
    {
        var error = Assert.Throws<BenchmarkUsageException>(() => Compare(arguments));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("--runs", "0")]
    [InlineData("--runs", "-3")]
    [InlineData("--runs", "three")]
    [InlineData("--sizes", "1000,")]
    [InlineData("--sizes", "1000;10000")]
    public void Numbers_that_are_not_whole_and_positive_are_refused_at_the_reading(string name, string value)
    {
        var options = Compare(name, value);

        var error = Assert.Throws<BenchmarkUsageException>(() => name == "--runs" ? options.Number(name, 3) : options.Numbers(name, [1]).Count);

        Assert.StartsWith($"compare: {name}: '", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("' is not a whole number of at least 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeatable_options_keep_every_value_in_order()
    {
        var options = BenchmarkOptions.Parse("alternate", ["--a-env", "A=1", "--a", "x", "--a-env", "B=2"], ["--a"], ["--a-env"]);

        Assert.Equal(["A=1", "B=2"], options.Values("--a-env"));
        Assert.Empty(options.Values("--b-env"));
        Assert.Equal("x", options.Value("--a"));
    }

    [Theory]
    [InlineData("7", 7, 7)]
    [InlineData("1-4", 1, 4)]
    [InlineData("0-0", 0, 0)]
    public void A_range_is_one_number_or_two_in_order(string value, int first, int last)
    {
        var options = BenchmarkOptions.Parse("soak", ["--seeds", value], ["--seeds"], []);

        Assert.Equal((first, last), options.Range("--seeds", (1, 4)));
    }

    [Theory]
    [InlineData("5-2")]
    [InlineData("1-2-3")]
    [InlineData("a-b")]
    public void A_range_out_of_order_or_not_numbers_is_refused(string value)
    {
        var options = BenchmarkOptions.Parse("soak", ["--seeds", value], ["--seeds"], []);

        var error = Assert.Throws<BenchmarkUsageException>(() => options.Range("--seeds", (1, 4)));

        Assert.StartsWith("soak: --seeds", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("0.5", 0.5)]
    public void Seconds_are_read_as_invariant_decimals(string value, double seconds)
    {
        var options = BenchmarkOptions.Parse("alternate", ["--idle", value], ["--idle"], []);

        Assert.Equal(seconds, options.Seconds("--idle", 0));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("NaN")]
    [InlineData("0,5")]
    public void Seconds_below_zero_or_not_numbers_are_refused(string value)
    {
        var options = BenchmarkOptions.Parse("alternate", ["--idle", value], ["--idle"], []);

        var error = Assert.Throws<BenchmarkUsageException>(() => options.Seconds("--idle", 0));

        Assert.Equal($"alternate: --idle takes seconds (a number such as 3 or 0.5), not '{value}'.", error.Message);
    }

    [Fact]
    public void The_plan_names_every_size_the_run_measures()
    {
        var plan = BuildComparison.Plan([1_000, 10_000], 3, "/work", "/cli");

        Assert.Equal("compare would measure sites of 1,000 and 10,000 articles, at least 3 cold runs of each tool per size, in /work, with the CLI published to /cli (STATICNEWS_BENCH_PLAN_ONLY=1: nothing built or measured).", plan);
    }

    [Fact]
    public void Micro_with_no_arguments_plans_every_hot_path_benchmark_and_with_arguments_hands_them_on()
    {
        Assert.Equal(
            "micro would run every hot-path benchmark: StaticNews.Benchmarks.HotPathBenchmarks.ParseArticle, StaticNews.Benchmarks.HotPathBenchmarks.RenderMarkdown, StaticNews.Benchmarks.HotPathBenchmarks.RenderArticlePage (STATICNEWS_BENCH_PLAN_ONLY=1: nothing run).",
            MicroBenchmarks.Plan([]));
        Assert.Equal("micro would hand BenchmarkDotNet: --filter *Markdown* (STATICNEWS_BENCH_PLAN_ONLY=1: nothing run).", MicroBenchmarks.Plan(["--filter", "*Markdown*"]));
    }

    [Fact]
    public void Micro_whose_filter_matches_no_benchmark_fails_where_benchmarkdotnet_would_exit_0()
    {
        using var error = new StringWriter();

        var exitCode = MicroBenchmarks.Run(["--filter", "build.ps1", "README.md"], error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("micro: no benchmark ran (--filter build.ps1 README.md).", error.ToString(), StringComparison.Ordinal);
    }
}
