using System.Collections;

namespace StaticNews.Benchmarks;

/// <summary>
/// Environment variables set for the builds of one side of an A/B comparison (<c>alternate --a-env</c>, <c>--b-env</c>),
/// over the benchmark's own environment. They time a published build against itself with one runtime setting changed
/// (<c>DOTNET_gcServer=0</c>, <c>DOTNET_GCHeapCount=1</c>) or with a switch of the tool's own (<c>STATICNEWS_HUGE_PAGES=1</c>),
/// where a wrapper program in front of the build would add its own start and exit to every run of that side.
/// </summary>
internal sealed class EnvironmentOverrides
{
    private readonly Dictionary<string, string> _variables;

    private EnvironmentOverrides(Dictionary<string, string> variables)
    {
        _variables = variables;
    }

    /// <summary>No variable set: the builds get the benchmark's environment as it is.</summary>
    public static EnvironmentOverrides None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public bool IsEmpty => _variables.Count == 0;

    /// <summary>
    /// The variables of <paramref name="assignments"/>, each <c>NAME=VALUE</c> (the value may be empty, and hold '=');
    /// a name given twice takes its last value.
    /// </summary>
    /// <exception cref="FormatException">An assignment without '=' or without a name.</exception>
    public static EnvironmentOverrides Parse(IEnumerable<string> assignments)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{assignment}' is not NAME=VALUE.");
            }

            variables[assignment[..equals]] = assignment[(equals + 1)..];
        }

        return variables.Count == 0 ? None : new EnvironmentOverrides(variables);
    }

    /// <summary><paramref name="environment"/> (as <see cref="Environment.GetEnvironmentVariables()"/> gives it) with these variables set, as <c>NAME=VALUE</c> entries.</summary>
    public IEnumerable<string> Over(IDictionary environment)
    {
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && !_variables.ContainsKey(name))
            {
                yield return $"{name}={entry.Value}";
            }
        }

        foreach (var (name, value) in _variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            yield return $"{name}={value}";
        }
    }

    /// <summary>The variables as <c>NAME=VALUE</c>, by name, separated by spaces; empty when there are none.</summary>
    public override string ToString() =>
        string.Join(' ', _variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
}
