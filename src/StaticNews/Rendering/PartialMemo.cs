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
/// A partial none of whose outputs has been reused after <see cref="FirstSightingsBeforeGivingUp"/> first sightings (a
/// breadcrumb, a pager) is given up on: its calls are no longer keyed, and simply render.
/// The memo holds at most a fixed number of bytes, so memory stays bounded however large the site; past that, partials
/// simply render. Each output keeps the articles the partial read (their bodies apart), so a page that reuses it depends on them too.
/// Its tables are sized for <paramref name="expectedCalls"/> different calls (every worker adds to them while pages render).
/// </summary>
internal sealed class PartialMemo(IReadOnlyDictionary<string, ScriptExpression[]> inputsByPartial, long maxBytes, int expectedCalls)
{
    /// <summary>How many different inputs a partial is seen with, none reused, before it is no longer keyed.</summary>
    public const int FirstSightingsBeforeGivingUp = 4096;

    /// <summary>Each memoizable partial's inputs, its name's hash taken once, and how its outputs fared so far.</summary>
    private readonly Dictionary<string, MemoizedPartial> _partials =
        inputsByPartial.ToDictionary(p => p.Key, p => new MemoizedPartial(p.Value, StringComparer.Ordinal.GetHashCode(p.Key)), StringComparer.Ordinal);

    private readonly ConcurrentDictionary<PartialKey, PartialOutput> _outputs = ConcurrentTables.Sized<PartialKey, PartialOutput>(expectedCalls);
    private readonly ConcurrentDictionary<int, bool> _seenOnce = ConcurrentTables.Sized<int, bool>(expectedCalls);
    private readonly PartialKeyValues _valueKinds = new();
    private long _bytes;

    public int Count => _outputs.Count;

    /// <summary>How many outputs of <paramref name="partial"/> are kept.</summary>
    public int CountOf(string partial) => _outputs.Keys.Count(key => string.Equals(key.Partial, partial, StringComparison.Ordinal));

    /// <summary>
    /// The key of this call of <paramref name="partial"/>, or null when the partial cannot be reused (or was given up on) or an
    /// input is not a plain value.
    /// </summary>
    public PartialKey? KeyOf(TemplateContext context, string partial)
    {
        if (!_partials.TryGetValue(partial, out var known) || known.GivenUp)
        {
            return null;
        }

        var values = new object?[known.Inputs.Length];
        return !PartialInput.TryReadAll(context, known.Inputs, values, _valueKinds)
            ? null
            : PartialKey.Of(partial, known.NameHash, values, _valueKinds);
    }

    public bool TryGet(PartialKey key, out PartialOutput output)
    {
        if (!_outputs.TryGetValue(key, out output!))
        {
            return false;
        }

        var partial = _partials[key.Partial];
        if (!partial.Reused)
        {
            partial.Reused = true;
        }

        return true;
    }

    public void Add(PartialKey key, PartialOutput output)
    {
        if (Volatile.Read(ref _bytes) > maxBytes)
        {
            return;
        }

        var partial = _partials[key.Partial];
        if (!partial.Reused && _seenOnce.TryAdd(key.GetHashCode(), true))
        {
            partial.SeenFirst();
            return;
        }

        if (_outputs.TryAdd(key, output))
        {
            Interlocked.Add(ref _bytes, output.Size);
        }
    }

    /// <summary>A memoizable partial: what it reads, and whether keying its calls has paid off so far.</summary>
    private sealed class MemoizedPartial(ScriptExpression[] inputs, int nameHash)
    {
        private int _firstSightings;
        private volatile bool _reused;
        private volatile bool _givenUp;

        public ScriptExpression[] Inputs { get; } = inputs;

        public int NameHash { get; } = nameHash;

        /// <summary>One of its outputs was reused: its outputs are kept from their first sighting on, and it is never given up on.</summary>
        public bool Reused
        {
            get => _reused;
            set => _reused = value;
        }

        public bool GivenUp => _givenUp && !_reused;

        /// <summary>Notes a call with inputs not seen before.</summary>
        public void SeenFirst()
        {
            if (Interlocked.Increment(ref _firstSightings) >= FirstSightingsBeforeGivingUp)
            {
                _givenUp = true;
            }
        }
    }
}
