using System.Buffers;
using CsCheck;
using StaticNews.Search;

namespace StaticNews.Tests;

/// <summary>A search shard walked entry by entry and put together again from its pieces is the shard the writer writes.</summary>
public sealed class ShardEntriesTests
{
    // Pieces of tokens where escaping and ordering are hard: JSON's escapes, a control character, a line separator, and a
    // fullwidth letter (U+FF5A) against a supplementary one (two UTF-16 units from D840), whose UTF-16 and UTF-8 orders disagree.
    private static readonly Gen<string> Token =
        Gen.OneOf("a", "b", "zz", "\"", "\\", "\u0001", "é", "\u2028", "\uFF5A", "\U00020000", "<")
            .Array[1, 4].Select(string.Concat);

    private static readonly Gen<int[][]> Postings =
        Gen.Int[0, 20_000].Array[2, 6].Array[1, 5].Select(postings => postings.DistinctBy(p => p[0]).OrderBy(p => p[0]).ToArray());

    private static readonly Gen<(string Token, int[][] Postings)[]> Shard =
        Gen.Select(Token, Postings).Array[1, 12].Select(entries =>
            entries.DistinctBy(e => e.Item1, StringComparer.Ordinal).OrderBy(e => e.Item1, StringComparer.Ordinal).ToArray());

    [Fact]
    public void Every_entry_is_found_with_its_name_order_and_postings()
    {
        Shard.Sample(shard =>
        {
            var written = Write(shard);
            var entries = new ShardEntries(written);
            for (var i = 0; i < shard.Length; i++)
            {
                Assert.True(entries.MoveNext());
                Assert.Equal(ShardBuilder.NameOf(shard[i].Token), entries.Name.ToArray());
                Assert.Equal(0, entries.CompareName(shard[i].Token));
                Assert.True(i == 0 || entries.CompareName(shard[i - 1].Token) > 0);
                Assert.True(i == shard.Length - 1 || entries.CompareName(shard[i + 1].Token) < 0);
                Assert.Equal(shard[i].Postings.Select(p => p[0]), ShardEntries.PostingsOf(entries.Postings).Select(p => p.Document));
            }

            Assert.False(entries.MoveNext());
        }, iter: 500);
    }

    [Fact]
    public void A_shard_put_together_from_copied_entries_rebuilt_tokens_and_the_rest_is_the_one_written()
    {
        Gen.Select(Shard, Gen.Int[0, 12]).Sample((shard, copiedUpTo) =>
        {
            var written = Write(shard);
            var entries = new ShardEntries(written);
            var builder = new ShardBuilder(16);
            for (var i = 0; i < Math.Min(copiedUpTo, shard.Length); i++)
            {
                Assert.True(entries.MoveNext());
                if (i % 2 == 0)
                {
                    builder.AddEntries(written.AsSpan(entries.EntryStart, entries.EntryEnd - entries.EntryStart));
                    continue;
                }

                builder.StartToken(ShardBuilder.NameOf(shard[i].Token));
                foreach (var (_, start, length) in ShardEntries.PostingsOf(entries.Postings))
                {
                    builder.AddPosting(entries.Postings.Slice(start, length));
                }

                builder.EndToken();
            }

            builder.AddEntries(entries.Rest);
            Assert.Equal(written, builder.Finish()?.ToArray());
        }, iter: 500);
    }

    [Fact]
    public void A_shard_with_no_entry_left_is_not_written()
    {
        var builder = new ShardBuilder(16);
        builder.AddEntries([]);

        Assert.Null(builder.Finish());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"a\":[]}")]
    [InlineData("{\"a\":[[1,2]]")]
    [InlineData("{\"a\":[ [1,2]]}")]
    [InlineData("{\"a\" :[[1,2]]}")]
    [InlineData("{\"a\":[[1,2]]x}")]
    [InlineData("{\"a\":[[1,2],]]}")]
    [InlineData("{\"a\":[[x,2]]}")]
    [InlineData("{\"a\":[[1,2]],\"b}")]
    [InlineData("{\"a\\\":[[1,2]]}")]
    public void A_shard_not_as_the_writer_writes_it_is_refused(string shard) =>
        Assert.Throws<FormatException>(() => WalkAll(System.Text.Encoding.UTF8.GetBytes(shard)));

    [Theory]
    [InlineData("[[1]")]
    [InlineData("[[1],")]
    [InlineData("[[1,2],[3]")]
    [InlineData("[[],[1]]")]
    [InlineData("[[-1,2]]")]
    [InlineData("[1,2]]")]
    public void Postings_not_as_the_writer_writes_them_are_refused(string postings) =>
        Assert.Throws<FormatException>(() => ShardEntries.PostingsOf(System.Text.Encoding.UTF8.GetBytes(postings)));

    [Fact]
    public void A_shard_with_any_byte_changed_is_walked_or_refused_never_misread_past_its_end()
    {
        Gen.Select(Shard, Gen.Int[0, int.MaxValue], Gen.OneOf<byte>((byte)'"', (byte)'\\', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'}', (byte)'7', (byte)'x')).Sample((shard, at, replacement) =>
        {
            var written = Write(shard);
            written[at % written.Length] = replacement;
            var error = Record.Exception(() => WalkAll(written));
            Assert.True(error is null or FormatException, error?.ToString());
        }, iter: 2000);
    }

    private static void WalkAll(byte[] shard)
    {
        var entries = new ShardEntries(shard);
        while (entries.MoveNext())
        {
            _ = ShardEntries.PostingsOf(entries.Postings);
        }
    }

    /// <summary>The shard as the index writer writes it: its JSON writer, its encoder, its postings' format.</summary>
    private static byte[] Write((string Token, int[][] Postings)[] shard)
    {
        var scratch = Array.Empty<byte>();
        return SearchIndexWriter.Json(new ArrayBufferWriter<byte>(), writer =>
        {
            writer.WriteStartObject();
            foreach (var (token, postings) in shard)
            {
                writer.WriteStartArray(token);
                foreach (var posting in postings)
                {
                    writer.WriteRawValue(SearchIndexWriter.FormatPosting(posting[0], (SearchField)posting[1], posting.AsSpan(2), ref scratch), skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
    }
}
