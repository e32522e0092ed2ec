using System.Globalization;

namespace StaticNews.Cli.Commands;

/// <summary>
/// What <see cref="HugePages"/> decided for a build's heap: whether huge pages were <see cref="Wanted"/>, what a first write
/// to a fresh small page cost when that decided it, and the range advised, if any.
/// </summary>
internal sealed record HugePageAdvice(bool Wanted, TimeSpan? SmallPageFirstWrite, (ulong Start, ulong End)? Range = null)
{
    public static HugePageAdvice None { get; } = new(Wanted: false, SmallPageFirstWrite: null);

    public bool Advised => Range is not null;

    /// <summary>
    /// Small pages again for whatever the heap touches from now on (the collector was not held off after all, or the build
    /// turned out large and collects); the advice as it then stands, with no range advised.
    /// </summary>
    public HugePageAdvice Withdrawn()
    {
        if (Range is { } range)
        {
            HugePages.Withdraw(range);
        }

        return this with { Range = null };
    }

    /// <summary>The decision in a few words for <c>--verbose</c>, with <paramref name="bytesInUse"/> of huge pages; empty when nothing was decided.</summary>
    public string Describe(long? bytesInUse)
    {
        var measured = SmallPageFirstWrite is { } cost
            ? string.Create(CultureInfo.InvariantCulture, $"a fresh small page's first write takes {cost.TotalMicroseconds:F1} µs here")
            : $"{HugePages.Variable}={(Wanted ? 1 : 0)}";
        return Advised ? string.Create(CultureInfo.InvariantCulture, $"huge pages advised ({measured}), {(bytesInUse ?? 0) / 1048576.0:F0} MiB in use")
            : SmallPageFirstWrite is not null ? $"small pages kept ({measured})"
            : string.Empty;
    }
}
