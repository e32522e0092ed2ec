using System.Collections.Concurrent;

namespace StaticNews;

/// <summary>
/// Concurrent dictionaries that every rendering worker adds to, page after page. Made with their final size when it is known,
/// so no worker waits while the table is rebuilt as it grows (which holds every lock), and with many locks, so two workers
/// adding at once rarely wait for the same one. Left to the defaults, a table starts with 31 slots and one lock per core.
/// </summary>
internal static class ConcurrentTables
{
    /// <summary>Locks per core: workers only wait on one another when their keys fall under the same lock.</summary>
    private const int LocksPerCore = 16;

    public static ConcurrentDictionary<TKey, TValue> Sized<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        new(Environment.ProcessorCount * LocksPerCore, Math.Max(capacity, 31), comparer);
}
