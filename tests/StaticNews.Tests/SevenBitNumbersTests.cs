using StaticNews.Incremental;

namespace StaticNews.Tests;

/// <summary>The body cache writes its term numbers into a buffer: they must be the bytes BinaryWriter writes, which the cache reads back with BinaryReader.</summary>
public sealed class SevenBitNumbersTests
{
    [Fact]
    public void Numbers_are_the_bytes_BinaryWriter_writes_and_BinaryReader_reads_back()
    {
        var random = new Random(11);
        int[] edges = [0, 1, 127, 128, 255, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, int.MaxValue, -1, int.MinValue];
        var values = edges.Concat(Enumerable.Range(0, 5000).Select(_ => random.Next(6) switch
        {
            0 => random.Next(128),
            1 => random.Next(16_384),
            2 => random.Next(),
            3 => -random.Next(),
            _ => random.Next(1_000_000),
        })).ToArray();

        var expected = new MemoryStream();
        using (var writer = new BinaryWriter(expected, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var value in values)
            {
                writer.Write7BitEncodedInt(value);
            }
        }

        var buffer = new byte[SevenBitNumbers.MaxBytes * values.Length];
        var numbers = new SevenBitNumbers(buffer);
        foreach (var value in values)
        {
            numbers.Add(value);
        }

        Assert.Equal(expected.ToArray(), buffer.AsSpan(0, numbers.Length).ToArray());
        using var reader = new BinaryReader(new MemoryStream(buffer, 0, numbers.Length));
        Assert.Equal(values, values.Select(_ => reader.Read7BitEncodedInt()).ToArray());
    }
}
