using System.Globalization;

namespace StaticNews.Benchmarks;

/// <summary>
/// The options of one benchmark command: <c>--name value</c> pairs, each name one the command knows. Anything else stops
/// the command before it measures, so a mistyped or split argument cannot quietly run another benchmark than the one
/// asked for: PowerShell splats <c>1000,10000</c> as two arguments, and <c>compare</c> used to measure the first size alone.
/// </summary>
internal sealed class BenchmarkOptions
{
    private readonly string _command;
    private readonly Dictionary<string, List<string>> _values;

    private BenchmarkOptions(string command, Dictionary<string, List<string>> values)
    {
        _command = command;
        _values = values;
    }

    /// <summary>
    /// Reads <paramref name="arguments"/> (those after the command's name): each of <paramref name="single"/> at most once,
    /// each of <paramref name="repeatable"/> any number of times, every one followed by its value.
    /// </summary>
    /// <exception cref="BenchmarkUsageException">An unknown option, a value without an option, an option without a value, or one given twice.</exception>
    public static BenchmarkOptions Parse(string command, IReadOnlyList<string> arguments, IReadOnlyCollection<string> single, IReadOnlyCollection<string> repeatable)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            var name = arguments[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchmarkUsageException($"{command}: '{name}' is not an option. Options are '--name value' pairs; a list is one argument without spaces ('--sizes 1000,10000', quoted in PowerShell: '1000,10000').");
            }

            if (!single.Contains(name) && !repeatable.Contains(name))
            {
                throw new BenchmarkUsageException($"{command}: unknown option '{name}'. It takes {Known(single.Concat(repeatable))}.");
            }

            if (i + 1 >= arguments.Count || single.Contains(arguments[i + 1]) || repeatable.Contains(arguments[i + 1]))
            {
                throw new BenchmarkUsageException($"{command}: {name} needs a value.");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }
            else if (single.Contains(name))
            {
                throw new BenchmarkUsageException($"{command}: {name} is given twice.");
            }

            list.Add(arguments[i + 1]);
        }

        return new BenchmarkOptions(command, values);
    }

    /// <summary>The value of <paramref name="name"/>, or null when it was not given.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of <paramref name="name"/> as a whole number of at least <paramref name="least"/>, else <paramref name="fallback"/>.</summary>
    public int Number(string name, int fallback, int least = 1) =>
        Value(name) is { } text ? NumberIn(name, text, least) : fallback;

    /// <summary>The value of <paramref name="name"/>, a comma-separated list of whole numbers of at least <paramref name="least"/>, else <paramref name="fallback"/>.</summary>
    public IReadOnlyList<int> Numbers(string name, IReadOnlyList<int> fallback, int least = 1) =>
        Value(name) is { } text ? text.Split(',').Select(item => NumberIn(name, item, least)).ToList() : fallback;

    /// <summary>The value of <paramref name="name"/>, a whole number <c>N</c> or a range <c>N-M</c> (N at most M), else <paramref name="fallback"/>.</summary>
    public (int First, int Last) Range(string name, (int First, int Last) fallback)
    {
        if (Value(name) is not { } text)
        {
            return fallback;
        }

        var ends = text.Split('-');
        if (ends.Length > 2)
        {
            throw new BenchmarkUsageException($"{_command}: {name} takes a number or a range such as 1-4, not '{text}'.");
        }

        var first = NumberIn(name, ends[0], 0);
        var last = ends.Length == 2 ? NumberIn(name, ends[1], 0) : first;
        return first <= last ? (first, last) : throw new BenchmarkUsageException($"{_command}: {name} takes a range from the smaller number to the larger, not '{text}'.");
    }

    /// <summary>The value of <paramref name="name"/> as seconds (a decimal number, at least 0), else <paramref name="fallback"/>.</summary>
    public double Seconds(string name, double fallback) =>
        Value(name) is not { } text
            ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds)
                ? seconds
                : throw new BenchmarkUsageException($"{_command}: {name} takes seconds (a number such as 3 or 0.5), not '{text}'.");

    private int NumberIn(string name, string text, int least) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least
            ? number
            : throw new BenchmarkUsageException($"{_command}: {name}: '{text}' is not a whole number of at least {least}.");

    private static string Known(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count switch
        {
            0 => "no options",
            1 => sorted[0],
            _ => $"{string.Join(", ", sorted[..^1])} or {sorted[^1]}",
        };
    }
}
