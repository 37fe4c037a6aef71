using System.Text;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Core.Tests.Chain;

public sealed class RecordHasherTests
{
    private const string Body = "{\"chainId\":\"c\",\"seq\":1,\"text\":\"\u00e9\ud83d\ude00\"}";

    [Fact]
    public void Matches_TheComputedHash_IsTrue()
    {
        var prevHash = new string('a', 64);
        var buffer = BufferHolding(Body, out var length);

        RecordHasher.Matches(buffer, length, prevHash, RecordHasher.Compute(Body, prevHash)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("")]
    [InlineData(null)]
    public void Matches_AnyOtherText_IsFalse(string? stored)
    {
        var buffer = BufferHolding(Body, out var length);

        RecordHasher.Matches(buffer, length, ChainHead.GenesisHash, stored).ShouldBeFalse();
    }

    [Fact]
    public void Matches_TheHashInUppercase_IsFalse()
    {
        // Stored hashes are lowercase hex, compared as text like every other attribute.
        var buffer = BufferHolding(Body, out var length);

        RecordHasher.Matches(buffer, length, ChainHead.GenesisHash, RecordHasher.Compute(Body, ChainHead.GenesisHash).ToUpperInvariant()).ShouldBeFalse();
    }

    private static byte[] BufferHolding(string body, out int length)
    {
        var buffer = new byte[Encoding.UTF8.GetMaxByteCount(body.Length) + 64];
        length = Encoding.UTF8.GetBytes(body, buffer);
        return buffer;
    }
}
