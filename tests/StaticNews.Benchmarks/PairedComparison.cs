namespace StaticNews.Benchmarks;

/// <summary>
/// Two builds timed in pairs (the two runs of a pair back to back): the median of each, and the mean of the pairs'
/// differences (second less first) with two standard errors, the figure the README gives for a change. On a shared machine
/// whose speed drifts within minutes, pairs cancel the drift that medians taken apart keep; a mean difference within its two
/// standard errors is noise.
/// </summary>
internal sealed record PairedComparison(int Pairs, double FirstMedian, double SecondMedian, double MeanDifference, double TwoStandardErrors, int SecondFaster)
{
    /// <summary>The comparison of <paramref name="second"/> with <paramref name="first"/>, pair by pair (at least two pairs).</summary>
    public static PairedComparison Of(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        if (first.Count != second.Count || first.Count < 2)
        {
            throw new ArgumentException($"Pairs need two lists of one length, at least two: {first.Count} and {second.Count}.", nameof(second));
        }

        var differences = new double[first.Count];
        var secondFaster = 0;
        for (var i = 0; i < differences.Length; i++)
        {
            differences[i] = second[i] - first[i];
            if (differences[i] < 0)
            {
                secondFaster++;
            }
        }

        var mean = differences.Average();
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (differences.Length - 1);
        return new PairedComparison(first.Count, Median(first), Median(second), mean, 2 * Math.Sqrt(variance / differences.Length), secondFaster);
    }

    /// <summary>The middle value of <paramref name="values"/>, or the mean of the two middle ones.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
