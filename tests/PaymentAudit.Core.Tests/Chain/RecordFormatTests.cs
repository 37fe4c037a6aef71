using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>Every stored format stays verifiable: format 1 records, alone or followed by later ones.</summary>
public sealed class RecordFormatTests
{
    [Fact]
    public async Task Verify_FormatOneChainFollowedByCurrentRecords_IsIntact()
    {
        var first = FormatOneChain.Accepted("chain-a", ChainHead.Genesis, "m-1", Some.AccessEvent("evt-1"));
        var second = FormatOneChain.Rejected("chain-a", new ChainHead(1, first.Hash), "m-2", Entries.RejectedPayload);
        var third = ChainLinker.Link("chain-a", new ChainHead(2, second.Hash), Entries.Access("evt-3"), Some.ReceivedAt).Record;
        var records = new[] { first, second, third }.Select(r => new StoredRecord("chain-a", r.Seq, r)).ToAsyncEnumerable();

        var result = await new ChainVerifier(new AuditEventValidator()).VerifyAsync("chain-a", records, [new ChainCommitment(3, third.Hash, "a test")]);

        result.IsIntact.ShouldBeTrue(string.Join("; ", result.Violations));
    }

    [Fact]
    public async Task Verify_FormatOneRecordWithAnEditedChainIdAttribute_IsAnAttributeMismatch()
    {
        var record = FormatOneChain.Accepted("chain-a", ChainHead.Genesis, "m-1", Some.AccessEvent("evt-1")) with { ChainId = "chain-z" };
        var records = new[] { new StoredRecord("chain-a", 1, record) }.ToAsyncEnumerable();

        var result = await new ChainVerifier(new AuditEventValidator()).VerifyAsync("chain-a", records);

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation("chain-a", 1, ViolationKind.AttributeMismatch, "attribute 'chainId' does not match the record body"));
    }

    [Fact]
    public void TryRead_FormatOneQuarantinedRecord_ReadsTheActorFromTheWholePayload()
    {
        var record = FormatOneChain.Rejected("chain-a", ChainHead.Genesis, "m-2", Entries.RejectedPayload);

        var projection = RecordProjection.TryRead(record.Body, new AuditEventValidator(), out var problem);

        problem.ShouldBeNull();
        projection!.Format.ShouldBe(RecordFormat.Transactional);
        projection.Seed.UserId.ShouldBe("user-eve");
        projection.Quarantine!.Code.ShouldBe("not_json");
    }

    [Fact]
    public void TryRead_UnknownFormat_IsAProblemNamingIt()
    {
        var body = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Access(), Some.ReceivedAt).Record.Body.Replace("\"format\":2", "\"format\":9", StringComparison.Ordinal);

        RecordProjection.TryRead(body, new AuditEventValidator(), out var problem).ShouldBeNull();

        problem.ShouldBe("body has format 9, which this release does not know");
    }
}
