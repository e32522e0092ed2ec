namespace StaticNews;

/// <summary>
/// Objects too costly to make for each item of a parallel loop (template contexts, buffers), kept for the next item: a few
/// slots, each taken and given back with one atomic exchange, so workers never wait on a lock for them. An object is in one
/// worker's hands at a time; one given back when every slot is full is let go.
/// </summary>
internal sealed class ReusablePool<T>
    where T : class
{
    private readonly T?[] _slots = new T?[Math.Max(4, 2 * Environment.ProcessorCount)];

    /// <summary>A kept object, or null when none is free.</summary>
    public T? TryRent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Volatile.Read(ref _slots[i]) is not null && Interlocked.Exchange(ref _slots[i], null) is { } kept)
            {
                return kept;
            }
        }

        return null;
    }

    /// <summary>Keeps <paramref name="item"/> for a later <see cref="TryRent"/>, unless every slot is full.</summary>
    public void Return(T item)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], item, null) is null)
            {
                return;
            }
        }
    }
}
