using System.Text;
using System.Text.Json.Nodes;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>RecordBody emits members by hand; its output must be exactly what RFC 8785 gives.</summary>
public sealed class RecordBodyTests
{
    public static TheoryData<string> EntryNames => [.. Cases.Keys];

    private static Dictionary<string, ChainEntry> Cases => new()
    {
        ["access event, every optional field"] = Entries.Access(),
        ["access event, only required fields"] = ChainEntry.Accepted("m", Some.MinimalAccessEvent()),
        ["payment event"] = Entries.Payment(),
        ["payment event that also names a query and response"] = ChainEntry.Accepted("m", Some.PaymentEvent() with
        {
            Query = new QueryDetails(["pay-2001"]),
            Response = new ResponseDetails([]),
            Outcome = new Outcome(OutcomeResults.Failure, "gateway timeout"),
            Origin = new Origin("settlement-worker", "2001:db8::1"),
        }),
        ["text needing escapes and non-ASCII"] = ChainEntry.Accepted("m\"\\", Some.AccessEvent() with
        {
            Query = new QueryDetails(Description: "quote \" backslash \\ tab \t nl \n nul \u0000 del \u007f é € 😀 \ufb33 </script>"),
        }),
        ["quarantined payload"] = Entries.Rejected(),
        ["quarantined payload with control characters"] = Entries.Rejected(payload: "{\"a\":\"\u0001\r\n\t\"}\u2028 é"),
        ["quarantined empty payload"] = Entries.Rejected(payload: string.Empty),
        ["quarantined payload longer than the preview"] = Entries.Rejected(payload: new string('x', QuarantinedPayload.PreviewMaxBytes + 1)),
        ["quarantined payload with a lone surrogate"] = Entries.Rejected(payload: "{\"a\":\"\ud800\"}"),
        ["redacted event"] = ChainEntry.Accepted("m", Some.AccessEvent(), ["query.description"]),
        ["conflicting duplicate"] = ChainEntry.ConflictingDuplicate(Entries.Access(), new DuplicateOf("chain-b", 3, new string('a', 64)), Some.AccessEventJson()),
    };

    [Theory]
    [MemberData(nameof(EntryNames))]
    public void Write_Entry_IsAFixedPointOfTheCanonicalizer(string name)
    {
        var body = RecordBody.Write("chain-\u00e9", 12, Some.ReceivedAt, Cases[name]);

        var canonical = JsonCanonicalizer.Canonicalize(body);

        Encoding.UTF8.GetString(canonical).ShouldBe(Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Write_AcceptedEvent_HoldsTheEventAsTheValidatorParsesIt()
    {
        var body = RecordBody.Write("chain-a", 1, Some.ReceivedAt, Entries.Access());

        var storedEvent = JsonNode.Parse(body)!["event"]!.ToJsonString();

        var result = new AuditEventValidator().Validate(storedEvent);
        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        Some.Json(result.Event).ShouldBe(Some.AccessEventJson());
    }

    [Fact]
    public void Write_PayloadLongerThanThePreview_KeepsAPreviewWithTheSizeAndHashOfTheWhole()
    {
        var payload = new string('x', QuarantinedPayload.PreviewMaxBytes + 10);

        var rejection = JsonNode.Parse(RecordBody.Write("c", 1, Some.ReceivedAt, Entries.Rejected(payload: payload)))!["rejection"]!;

        rejection["preview"]!.GetValue<string>().Length.ShouldBe(QuarantinedPayload.PreviewMaxBytes);
        rejection["previewTruncated"]!.GetValue<bool>().ShouldBeTrue();
        rejection["payloadBytes"]!.GetValue<int>().ShouldBe(payload.Length);
        rejection["payloadSha256"]!.GetValue<string>()
            .ShouldBe(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(payload))).ToLowerInvariant());
    }

    [Fact]
    public void Write_PayloadCutInsideASurrogatePair_StillWritesACanonicalBody()
    {
        var payload = new string('x', QuarantinedPayload.PreviewMaxBytes - 1) + "\ud83d\ude00 and more";

        var body = RecordBody.Write("c", 1, Some.ReceivedAt, Entries.Rejected(payload: payload));

        JsonCanonicalizer.Canonicalize(body).ShouldBe(body);
    }
}
