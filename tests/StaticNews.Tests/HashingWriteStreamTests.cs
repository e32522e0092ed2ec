using System.IO.Hashing;
using StaticNews.Incremental;

namespace StaticNews.Tests;

/// <summary>The cache files' checksum is that of the bytes written, however they were written (a byte, a few, a large block).</summary>
public sealed class HashingWriteStreamTests
{
    [Fact]
    public void Bytes_small_writes_and_large_blocks_all_reach_the_inner_stream_in_order_and_the_checksum()
    {
        var random = new Random(7);
        var expected = new MemoryStream();
        var inner = new MemoryStream();
        var hashing = new HashingWriteStream(inner);
        for (var step = 0; step < 2000; step++)
        {
            var size = random.Next(4) switch { 0 => 1, 1 => random.Next(2, 40), 2 => random.Next(1000, 70_000), _ => random.Next(60_000, 200_000) };
            var bytes = new byte[size];
            random.NextBytes(bytes);
            if (size == 1)
            {
                hashing.WriteByte(bytes[0]);
            }
            else
            {
                hashing.Write(bytes, 0, size);
            }

            expected.Write(bytes);
            Assert.Equal(expected.Length, hashing.Position);
        }

        var checksum = hashing.Checksum;

        Assert.Equal(expected.ToArray(), inner.ToArray());
        Assert.Equal(XxHash128.Hash(expected.ToArray()), checksum);
    }
}
