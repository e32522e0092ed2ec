using System.Collections.Concurrent;
using Scriban;
using Scriban.Syntax;

namespace StaticNews.Rendering;

/// <summary>
/// Reuses the output of partials that depend only on what they read from their caller: an article card renders the same on
/// every listing that shows the article, a header the same on every page of one section. Which partials qualify, and what
/// they read, comes from their syntax trees (<see cref="MemoizablePartials"/>). Until one of a partial's outputs has been
/// reused, an output is kept the second time its inputs are seen, so a partial whose inputs differ on every page (a
/// breadcrumb) costs a hash per page, not a copy of its output; once one has (an article card), its outputs are kept the first
/// time, so each is rendered once.
/// The memo holds at most a fixed number of bytes, so memory stays bounded however large the site; past that, partials
/// simply render. Each output keeps the articles whose bodies the partial read, so a page that reuses it depends on them too.
/// </summary>
internal sealed class PartialMemo(IReadOnlyDictionary<string, ScriptExpression[]> inputsByPartial, long maxBytes)
{
    /// <summary>Each memoizable partial's inputs, and its name's hash, taken once instead of at every call.</summary>
    private readonly Dictionary<string, (ScriptExpression[] Inputs, int NameHash)> _partials =
        inputsByPartial.ToDictionary(p => p.Key, p => (p.Value, StringComparer.Ordinal.GetHashCode(p.Key)), StringComparer.Ordinal);

    private readonly ConcurrentDictionary<PartialKey, PartialOutput> _outputs = new();
    private readonly ConcurrentDictionary<int, bool> _seenOnce = new();
    private readonly ConcurrentDictionary<string, bool> _reusedPartials = new(StringComparer.Ordinal);
    private long _bytes;

    public int Count => _outputs.Count;

    /// <summary>The key of this call of <paramref name="partial"/>, or null when the partial cannot be reused or an input is not a plain value.</summary>
    public PartialKey? KeyOf(TemplateContext context, string partial)
    {
        if (!_partials.TryGetValue(partial, out var known))
        {
            return null;
        }

        var values = new object?[known.Inputs.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!PartialInput.TryRead(context, known.Inputs[i], out values[i]))
            {
                return null;
            }
        }

        return PartialKey.Of(partial, known.NameHash, values);
    }

    public bool TryGet(PartialKey key, out PartialOutput output)
    {
        if (!_outputs.TryGetValue(key, out output!))
        {
            return false;
        }

        if (!_reusedPartials.ContainsKey(key.Partial))
        {
            _reusedPartials.TryAdd(key.Partial, true);
        }

        return true;
    }

    public void Add(PartialKey key, PartialOutput output)
    {
        if (Volatile.Read(ref _bytes) > maxBytes || (!_reusedPartials.ContainsKey(key.Partial) && _seenOnce.TryAdd(key.GetHashCode(), true)))
        {
            return;
        }

        if (_outputs.TryAdd(key, output))
        {
            Interlocked.Add(ref _bytes, output.Size);
        }
    }
}
