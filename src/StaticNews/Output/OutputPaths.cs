namespace StaticNews.Output;

/// <summary>Rules for the relative paths StaticNews writes: one safe path below the output folder, on every operating system.</summary>
public static class OutputPaths
{
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public static bool IsSafe(string relativePath)
    {
        if (relativePath.Length is 0 or > 1024 || relativePath.StartsWith('/') || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in relativePath.Split('/'))
        {
            if (!IsSafeSegment(segment))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeSegment(string segment)
    {
        if (segment.Length is 0 or > 255 || segment is "." or ".." || segment.EndsWith('.') || segment.EndsWith(' '))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                return false;
            }
        }

        var stem = segment.Split('.')[0];
        return !ReservedNames.Contains(stem);
    }
}
