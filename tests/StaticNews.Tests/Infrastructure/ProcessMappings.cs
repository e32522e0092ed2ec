using System.Globalization;

namespace StaticNews.Tests.Infrastructure;

/// <summary>What Linux says of this process's memory mappings (<c>/proc/self/smaps</c>), for tests of how memory is mapped.</summary>
public static class ProcessMappings
{
    /// <summary>
    /// The value (the text after the colon, trimmed) of field <paramref name="field"/> (<c>Rss</c>, <c>VmFlags</c>…) of the
    /// first mapping whose range and header line <paramref name="isMapping"/> accepts.
    /// </summary>
    public static string Field(Func<ulong, ulong, string, bool> isMapping, string field)
    {
        var inMapping = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            // A mapping's first line starts with its address range; the lines after it with a field name and a colon.
            var first = line.Split(' ', 2)[0];
            if (first.Split('-') is [var from, var to] && !first.EndsWith(':'))
            {
                inMapping = isMapping(ulong.Parse(from, NumberStyles.HexNumber, CultureInfo.InvariantCulture), ulong.Parse(to, NumberStyles.HexNumber, CultureInfo.InvariantCulture), line);
            }
            else if (inMapping && line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return line[(field.Length + 1)..].Trim();
            }
        }

        throw new InvalidOperationException($"no mapping asked for has a {field} field");
    }
}
