using System.Security.Cryptography;
using System.Text;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>A refused message costs a bounded record, however big or strange it is.</summary>
public sealed class QuarantinedPayloadTests
{
    public static TheoryData<string> LargePayloads => new()
    {
        new string('x', 262_144),
        string.Concat(Enumerable.Repeat("\u0001", 100_000)),
        string.Concat(Enumerable.Repeat("€", 80_000)),
        string.Concat(Enumerable.Repeat("\"\\", 60_000)),
        string.Concat(Enumerable.Repeat("😀", 60_000)),
    };

    [Theory]
    [MemberData(nameof(LargePayloads))]
    public void From_LargePayload_KeepsAPreviewWithinTheBoundOnceEscaped(string raw)
    {
        var payload = QuarantinedPayload.From(raw);

        CanonicalBytes(payload.Preview).ShouldBeLessThanOrEqualTo(QuarantinedPayload.PreviewMaxBytes);
        CanonicalBytes(payload.Preview).ShouldBeGreaterThan(QuarantinedPayload.PreviewMaxBytes - 8);
        payload.PreviewTruncated.ShouldBeTrue();
        raw.ShouldStartWith(payload.Preview);
    }

    [Fact]
    public void From_LargePayload_HashesAndMeasuresTheWholeMaskedPayload()
    {
        var raw = $"{{\"note\":\"{Pans.Visa}\"}}" + new string(' ', 10_000);

        var payload = QuarantinedPayload.From(raw);

        payload.Masked.ShouldNotContain(Pans.Visa);
        payload.PayloadBytes.ShouldBe(Encoding.UTF8.GetByteCount(payload.Masked));
        payload.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.Masked))));
    }

    [Fact]
    public void From_SmallPayload_IsItsOwnPreview()
    {
        var payload = QuarantinedPayload.From("not json");

        (payload.Preview, payload.PreviewTruncated, payload.Masked).ShouldBe(("not json", false, "not json"));
    }

    [Fact]
    public void From_JsonNamingAnActor_KeepsTheActorId()
    {
        QuarantinedPayload.From(Entries.RejectedPayload).ActorId.ShouldBe("user-eve");
        QuarantinedPayload.From("{\"actor\":{\"id\":\"user eve\"}}").ActorId.ShouldBeNull();
        QuarantinedPayload.From("junk").ActorId.ShouldBeNull();
    }

    [Fact]
    public void From_LoneSurrogate_IsReplacedSoTheBodyCanBeCanonical()
    {
        var payload = QuarantinedPayload.From("a\ud800b");

        payload.Preview.ShouldBe("a\ufffdb");
    }

    /// <summary>Bytes the string takes inside a canonical body, without its quotes.</summary>
    private static int CanonicalBytes(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        new CanonicalJsonWriter(buffer).WriteString(text);
        return buffer.WrittenCount - 2;
    }
}
