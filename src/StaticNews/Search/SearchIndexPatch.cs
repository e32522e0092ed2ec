using System.Buffers;
using System.Text.Json;
using StaticNews.Output;
using StaticNews.Rendering;

namespace StaticNews.Search;

/// <summary>
/// Updates the previous build's search files in place, for a build whose articles kept their document ids and whose terms
/// or results changed only for some: a shard is read back from the previous output, patched and written again only when
/// one of its tokens gained, lost or changed a posting, and a document chunk is written again only when it holds a changed
/// result; the others are only named. The files are byte for byte those <see cref="SearchIndexWriter"/> writes from a
/// whole index: untouched postings are copied as they were written.
/// </summary>
internal static class SearchIndexPatch
{
    /// <summary>
    /// The files, or null when the previous output cannot be patched (a file missing, changed since it was written, or not
    /// of this format): the caller then writes the whole index. The index has <paramref name="documentCount"/> documents, the
    /// previous build's (every article kept its URL); <paramref name="documents"/> makes them, called only when a document
    /// chunk file holds a changed document or the previous build's is not there to keep.
    /// </summary>
    public static IReadOnlyList<OutputFile>? TryWrite(int documentCount, Func<SearchDocument[]> documents, IReadOnlyList<SearchTermsChange> changes, PreviousOutput previous, string basePath, OutputReuse? reuse, CancellationToken cancellationToken)
    {
        if (PreviousShards(previous, documentCount, basePath) is not { } previousShards)
        {
            return null;
        }

        var dirty = DirtyTokensByShard(changes);
        var shardKeys = new SortedSet<string>(previousShards, StringComparer.Ordinal);
        shardKeys.UnionWith(dirty.Keys);
        var files = new List<OutputFile>(shardKeys.Count + 1);
        foreach (var key in previousShards.Where(key => !dirty.ContainsKey(key)))
        {
            if (!previous.Has(SearchIndexWriter.ShardPath(key)))
            {
                return null;
            }

            files.Add(OutputFile.Unchanged(SearchIndexWriter.ShardPath(key)));
        }

        var patched = dirty.Keys.ToArray();
        var contents = new ReadOnlyMemory<byte>?[patched.Length];
        var failed = 0;
        ParallelWork.For(patched.Length, i =>
        {
            var key = patched[i];
            byte[]? before = null;
            if (previousShards.Contains(key) && (before = previous.ReadAsWritten(SearchIndexWriter.ShardPath(key))) is null)
            {
                Interlocked.Exchange(ref failed, 1);
                return;
            }

            try
            {
                contents[i] = Patch(before, dirty[key]);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                Interlocked.Exchange(ref failed, 1);
            }
        }, cancellationToken);

        if (failed != 0)
        {
            return null;
        }

        for (var i = 0; i < patched.Length; i++)
        {
            if (contents[i] is { } content)
            {
                files.Add(new OutputFile(SearchIndexWriter.ShardPath(patched[i]), content));
            }
            else
            {
                // Its last token went: the shard is no longer written, nor listed.
                shardKeys.Remove(patched[i]);
            }
        }

        files.Add(SearchIndexWriter.MetaFile(shardKeys, documentCount, basePath));
        files.AddRange(DocumentChunks(documentCount, documents, ChunksOfChangedDocuments(changes), reuse, cancellationToken));
        return files;
    }

    private static HashSet<int> ChunksOfChangedDocuments(IReadOnlyList<SearchTermsChange> changes) =>
        [.. changes.Where(change => change.MetadataChanged).Select(change => change.Id / SearchIndexWriter.DocumentsPerChunk)];

    /// <summary>
    /// The document chunk files: those the previous build wrote, and that hold no document whose metadata changed, kept as
    /// they are without making a document (at 10,000 articles making and fingerprinting them all was a twentieth of an edit's
    /// work); any other written from the documents.
    /// </summary>
    private static OutputFile[] DocumentChunks(int documentCount, Func<SearchDocument[]> documents, HashSet<int> changed, OutputReuse? reuse, CancellationToken cancellationToken)
    {
        var chunks = new OutputFile[SearchIndexWriter.ChunkCount(documentCount)];
        var toWrite = new List<int>();
        for (var chunk = 0; chunk < chunks.Length; chunk++)
        {
            var path = SearchIndexWriter.DocumentChunkPath(chunk);
            if (!changed.Contains(chunk) && reuse?.KeepsPrevious(path) == true)
            {
                chunks[chunk] = OutputFile.Unchanged(path);
            }
            else
            {
                toWrite.Add(chunk);
            }
        }

        if (toWrite.Count > 0)
        {
            var made = documents();
            ParallelWork.For(
                toWrite.Count,
                () => new ArrayBufferWriter<byte>(),
                (i, buffer) => chunks[toWrite[i]] = SearchIndexWriter.DocumentChunkFile(made, toWrite[i], reuse, buffer),
                finish: null,
                cancellationToken);
        }

        return chunks;
    }

    /// <summary>The shards the previous meta.json lists, if it describes an index of the same format, base path and document count.</summary>
    private static HashSet<string>? PreviousShards(PreviousOutput previous, int documents, string basePath)
    {
        if (previous.ReadAsWritten(SearchIndexWriter.MetaPath) is not { } bytes)
        {
            return null;
        }

        try
        {
            using var meta = JsonDocument.Parse(bytes);
            var root = meta.RootElement;
            if (root.GetProperty("version").GetInt32() != SearchIndexWriter.Version
                || root.GetProperty("base").GetString() != basePath
                || root.GetProperty("documents").GetInt32() != documents
                || root.GetProperty("chunk").GetInt32() != SearchIndexWriter.DocumentsPerChunk)
            {
                return null;
            }

            return root.GetProperty("shards").EnumerateArray().Select(shard => shard.GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Shard key -> token -> the articles whose posting of that token is new, changed or gone.</summary>
    private static Dictionary<string, Dictionary<string, List<PostingChange>>> DirtyTokensByShard(IReadOnlyList<SearchTermsChange> changes)
    {
        var dirty = new Dictionary<string, Dictionary<string, List<PostingChange>>>(StringComparer.Ordinal);
        void Add(string token, PostingChange change)
        {
            var key = SearchIndexWriter.ShardKey(token);
            if (!dirty.TryGetValue(key, out var tokens))
            {
                dirty[key] = tokens = new Dictionary<string, List<PostingChange>>(StringComparer.Ordinal);
            }

            if (!tokens.TryGetValue(token, out var list))
            {
                tokens[token] = list = [];
            }

            list.Add(change);
        }

        foreach (var change in changes)
        {
            var before = SlotsOf(change.Before);
            var after = SlotsOf(change.After);
            foreach (var (token, slot) in after)
            {
                if (!before.TryGetValue(token, out var old) || !SamePosting(change.Before, old, change.After, slot))
                {
                    Add(token, new PostingChange(change.Id, change.After, slot));
                }
            }

            foreach (var token in before.Keys.Where(token => !after.ContainsKey(token)))
            {
                Add(token, new PostingChange(change.Id, change.After, Slot: -1));
            }
        }

        return dirty;
    }

    private static Dictionary<string, int> SlotsOf(ArticleTerms terms)
    {
        var slots = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var slot = 0; slot < terms.Count; slot++)
        {
            slots[terms.Token(slot)] = slot;
        }

        return slots;
    }

    private static bool SamePosting(ArticleTerms before, int beforeSlot, ArticleTerms after, int afterSlot) =>
        before.Fields(beforeSlot) == after.Fields(afterSlot) && before.BodyPositions(beforeSlot).SequenceEqual(after.BodyPositions(afterSlot));

    /// <summary>
    /// The shard <paramref name="before"/> (null for a new shard) with the postings of <paramref name="tokens"/> changed, or
    /// null when no token is left. Tokens stay in ordinal order and postings in document order, as the writer puts them: the
    /// entries between changed tokens are copied as they were written, in one piece each, and those after the last one are
    /// not even walked.
    /// </summary>
    private static ReadOnlyMemory<byte>? Patch(byte[]? before, Dictionary<string, List<PostingChange>> tokens)
    {
        var dirty = tokens.Keys.Order(StringComparer.Ordinal).ToArray();
        var shard = new ShardBuilder(before?.Length + 1024 ?? 1024);
        var next = 0;
        if (before is not null)
        {
            var entries = new ShardEntries(before);
            // A run of entries no change touches, copied whole when the next change or the end comes.
            var keptStart = -1;
            var keptEnd = -1;
            while (next < dirty.Length && entries.MoveNext())
            {
                var order = entries.CompareName(dirty[next]);
                for (; order > 0; order = next < dirty.Length ? entries.CompareName(dirty[next]) : -1)
                {
                    CopyKept(shard, before, ref keptStart, keptEnd);
                    AddToken(shard, ShardBuilder.NameOf(dirty[next]), [], tokens[dirty[next]]);
                    next++;
                }

                if (order == 0)
                {
                    CopyKept(shard, before, ref keptStart, keptEnd);
                    AddToken(shard, entries.Name, entries.Postings, tokens[dirty[next]]);
                    next++;
                }
                else
                {
                    keptStart = keptStart < 0 ? entries.EntryStart : keptStart;
                    keptEnd = entries.EntryEnd;
                }
            }

            CopyKept(shard, before, ref keptStart, keptEnd);
            shard.AddEntries(entries.Rest);
        }

        for (; next < dirty.Length; next++)
        {
            AddToken(shard, ShardBuilder.NameOf(dirty[next]), [], tokens[dirty[next]]);
        }

        return shard.Finish();
    }

    private static void CopyKept(ShardBuilder shard, byte[] before, ref int keptStart, int keptEnd)
    {
        if (keptStart >= 0)
        {
            shard.AddEntries(before.AsSpan(keptStart, keptEnd - keptStart));
            keptStart = -1;
        }
    }

    /// <summary>
    /// Adds the token named <paramref name="name"/> with its postings: those of <paramref name="before"/> (as written, one JSON
    /// array) except the changed articles', and the changed articles' new ones, in document order; nothing when none is left.
    /// </summary>
    private static void AddToken(ShardBuilder shard, ReadOnlySpan<byte> name, ReadOnlySpan<byte> before, List<PostingChange> changes)
    {
        var kept = before.IsEmpty ? [] : ShardEntries.PostingsOf(before);
        kept.RemoveAll(posting => changes.Exists(change => change.Id == posting.Document));
        var added = changes.Where(change => change.Slot >= 0).OrderBy(change => change.Id).ToArray();
        if (kept.Count + added.Length == 0)
        {
            return;
        }

        shard.StartToken(name);
        var scratch = Array.Empty<byte>();
        var (k, a) = (0, 0);
        while (k < kept.Count || a < added.Length)
        {
            if (a == added.Length || (k < kept.Count && kept[k].Document < added[a].Id))
            {
                shard.AddPosting(before.Slice(kept[k].Start, kept[k].Length));
                k++;
            }
            else
            {
                var change = added[a++];
                shard.AddPosting(SearchIndexWriter.FormatPosting(change.Id, change.Terms.Fields(change.Slot), change.Terms.BodyPositions(change.Slot), ref scratch));
            }
        }

        shard.EndToken();
    }

    /// <summary>An article whose posting of a token changed: its document id, its terms now and the token's slot in them (-1: gone).</summary>
    private readonly record struct PostingChange(int Id, ArticleTerms Terms, int Slot);
}
