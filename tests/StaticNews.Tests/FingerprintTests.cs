using System.IO.Hashing;
using System.Runtime.InteropServices;
using CsCheck;
using StaticNews.Incremental;

namespace StaticNews.Tests;

/// <summary>A fingerprint is XXH128 of its length-prefixed pieces, however many bytes they add up to.</summary>
public sealed class FingerprintTests
{
    [Fact]
    public void A_fingerprint_is_the_hash_of_its_length_prefixed_pieces_below_and_past_its_buffer()
    {
        // Pieces from a few characters to well past the 4 KiB buffer, alone and together.
        Gen.String[0, 6000].List[1, 6].Sample(pieces =>
        {
            var fingerprint = new Fingerprint();
            var reference = new XxHash128();
            foreach (var piece in pieces)
            {
                fingerprint.Add(piece);
                reference.Append(BitConverter.GetBytes((long)piece.Length));
                reference.Append(MemoryMarshal.AsBytes(piece.AsSpan()));
            }

            Assert.Equal(Convert.ToHexString(reference.GetCurrentHash()), fingerprint.Finish());
        }, iter: 300);
    }

    [Fact]
    public void The_fingerprint_of_bytes_is_their_hash_in_upper_case_hexadecimal_with_its_leading_zeros()
    {
        // One hash in sixteen starts with a zero digit, one in 256 with two: 2,000 samples meet both.
        Gen.Byte.Array[0, 300].Sample(bytes => Assert.Equal(Convert.ToHexString(XxHash128.Hash(bytes)), Fingerprint.Of(bytes)), iter: 2000);
        Gen.String[0, 100].Sample(text => Assert.Equal(Convert.ToHexString(XxHash128.Hash(MemoryMarshal.AsBytes(text.AsSpan()))), Fingerprint.OfText(text)), iter: 500);
    }

    [Fact]
    public void A_fingerprint_finished_into_characters_is_the_same_text_as_its_string()
    {
        // The caches look their keys up as characters: the same 32 characters the key's string has, leading zeros included.
        Gen.String[0, 200].List[1, 4].Sample(pieces =>
        {
            var (asString, asCharacters) = (new Fingerprint(), new Fingerprint());
            foreach (var piece in pieces)
            {
                asString.Add(piece);
                asCharacters.Add(piece);
            }

            Span<char> key = stackalloc char[Fingerprint.HexLength];
            asCharacters.FinishInto(key);
            Assert.Equal(asString.Finish(), key.ToString());
        }, iter: 1000);
        Assert.Throws<ArgumentException>(() => new Fingerprint().Add("short").FinishInto(new char[Fingerprint.HexLength - 1]));
    }

    [Fact]
    public void A_finished_fingerprint_takes_nothing_more()
    {
        var fingerprint = new Fingerprint().Add("page");
        var value = fingerprint.Finish();

        Assert.Equal(32, value.Length);
        Assert.Throws<InvalidOperationException>(() => fingerprint.Add("more"));
        Assert.Throws<InvalidOperationException>(() => fingerprint.Finish());
    }
}
