using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Chain;

public sealed class ChainLinkerTests
{
    [Fact]
    public void Link_AfterAHead_NumbersRecordsContiguouslyFromHeadPlusOne()
    {
        var head = new ChainHead(41, new string('a', 64));

        var linked = ChainLinker.Link("chain-a", head, Entries.Mixed(), Some.ReceivedAt);

        linked.Select(l => l.Record.Seq).ShouldBe([42L, 43L, 44L, 45L, 46L]);
    }

    [Fact]
    public void Link_FromGenesis_StartsAtOneAfterTheGenesisHash()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, [Entries.Access()], Some.ReceivedAt);

        linked[0].Record.Seq.ShouldBe(1);
        linked[0].Record.PrevHash.ShouldBe(ChainHead.GenesisHash);
        ChainHead.GenesisHash.ShouldBe(new string('0', 64));
    }

    [Fact]
    public void Link_EveryRecord_PointsAtTheHashBeforeIt()
    {
        var head = new ChainHead(7, new string('b', 64));

        var linked = ChainLinker.Link("chain-a", head, Entries.Mixed(), Some.ReceivedAt);

        linked.Select(l => l.Record.PrevHash).ShouldBe([head.Hash, .. linked.SkipLast(1).Select(l => l.Record.Hash)]);
    }

    [Fact]
    public void Link_Hash_IsSha256OfTheBodyFollowedByThePrevHashInHex()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt);

        foreach (var record in linked.Select(l => l.Record))
        {
            var expected = SHA256.HashData([.. Encoding.UTF8.GetBytes(record.Body), .. Encoding.ASCII.GetBytes(record.PrevHash)]);
            record.Hash.ShouldBe(Convert.ToHexString(expected).ToLowerInvariant(), $"record {record.Seq}");
        }
    }

    [Fact]
    public void Link_Body_IsCanonicalJsonNamingChainSeqStatusAndReceiveTime()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, [Entries.Access(), Entries.Rejected()], Some.ReceivedAt);

        foreach (var record in linked.Select(l => l.Record))
        {
            JsonCanonicalizer.Canonicalize(record.Body).ShouldBe(record.Body);
            var body = JsonNode.Parse(record.Body)!;
            body["chainId"]!.GetValue<string>().ShouldBe("chain-a");
            body["seq"]!.GetValue<long>().ShouldBe(record.Seq);
            body["status"]!.GetValue<string>().ShouldBe(record.Status);
            body["receivedAt"]!.GetValue<string>().ShouldBe(Some.ReceivedAt);
        }
    }

    [Fact]
    public void Link_SameEntriesOnAnotherChain_GiveOtherHashes()
    {
        var a = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt);

        var b = ChainLinker.Link("chain-b", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt);

        a.Select(l => l.Record.Hash).Intersect(b.Select(l => l.Record.Hash)).ShouldBeEmpty();
    }

    [Fact]
    public void Link_SameInput_GivesTheSameHashes()
    {
        var first = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt);

        var second = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Mixed(), Some.ReceivedAt);

        second.Select(l => l.Record.Hash).ShouldBe(first.Select(l => l.Record.Hash));
    }

    [Fact]
    public void Link_AcceptedEntry_IsStoredAsAcceptedWithItsEventIdAndType()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Access("evt-7"), Some.ReceivedAt);

        linked.Record.Status.ShouldBe(RecordStatus.Accepted);
        linked.Record.EventId.ShouldBe("evt-7");
        linked.Record.EventType.ShouldBe("payment.records.queried");
        linked.Record.ReceivedAt.ShouldBe(Some.ReceivedAt);
        linked.MessageId.ShouldBe("msg-evt-7");
        linked.Head.ShouldBe(new ChainHead(1, linked.Record.Hash));
    }

    [Fact]
    public void Link_Body_NamesItsFormat()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Access(), Some.ReceivedAt);

        JsonNode.Parse(linked.Record.Body)!["format"]!.GetValue<int>().ShouldBe(RecordFormat.Current);
    }

    [Fact]
    public void Link_QuarantinedEntry_IsStoredAsRejectedWithoutAnEventId()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Rejected("msg-9"), Some.ReceivedAt);

        linked.Record.Status.ShouldBe(RecordStatus.Rejected);
        linked.Record.EventId.ShouldBeNull();
        linked.Record.EventType.ShouldBeNull();
        linked.Record.Seed.UserId.ShouldBe("user-eve");
    }

    [Fact]
    public void Link_QuarantinedEntry_KeepsCodeReasonPreviewSizeAndHashInTheBody()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Rejected(), Some.ReceivedAt);

        var rejection = JsonNode.Parse(linked.Record.Body)!["rejection"]!;
        rejection["code"]!.GetValue<string>().ShouldBe("missing_field");
        rejection["reason"]!.GetValue<string>().ShouldBe("field 'eventType' is required");
        rejection["preview"]!.GetValue<string>().ShouldBe(Entries.RejectedPayload);
        rejection["payloadBytes"]!.GetValue<int>().ShouldBe(Encoding.UTF8.GetByteCount(Entries.RejectedPayload));
        rejection["payloadSha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Entries.RejectedPayload))));
        rejection["actorId"]!.GetValue<string>().ShouldBe("user-eve");
        rejection["previewTruncated"].ShouldBeNull();
    }

    [Fact]
    public void Link_RedactedEvent_ListsTheRedactedFieldsInTheBody()
    {
        var entry = ChainEntry.Accepted("m", Some.AccessEvent(), ["query.description", "origin.requestId"]);

        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, entry, Some.ReceivedAt);

        JsonNode.Parse(linked.Record.Body)!["redacted"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["query.description", "origin.requestId"]);
    }

    [Fact]
    public void Link_ConflictingDuplicate_IsRejectedNamingTheOriginalAndBothHashes()
    {
        var original = new DuplicateOf("chain-b", 12, new string('c', 64));
        var repeat = Entries.Access("evt-7");
        var entry = ChainEntry.ConflictingDuplicate(repeat, original, Some.Json(repeat.Event!));

        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, entry, Some.ReceivedAt);

        linked.Record.Status.ShouldBe(RecordStatus.Rejected);
        linked.Record.EventId.ShouldBeNull();
        var rejection = JsonNode.Parse(linked.Record.Body)!["rejection"]!;
        rejection["code"]!.GetValue<string>().ShouldBe("conflicting_duplicate");
        rejection["duplicateOf"]!["chainId"]!.GetValue<string>().ShouldBe("chain-b");
        rejection["duplicateOf"]!["seq"]!.GetValue<long>().ShouldBe(12);
        rejection["duplicateOf"]!["eventHash"]!.GetValue<string>().ShouldBe(original.EventHash);
        rejection["eventHash"]!.GetValue<string>().ShouldBe(repeat.EventHash);
    }

    [Fact]
    public void Link_NoEntries_LinksNothing()
    {
        var linked = ChainLinker.Link("chain-a", ChainHead.Genesis, [], Some.ReceivedAt);

        linked.ShouldBeEmpty();
    }

    [Fact]
    public void Quarantined_PayloadWithACardNumber_IsStoredMasked()
    {
        var entry = ChainEntry.Quarantined("m", new Rejection(RejectionCode.ForbiddenContent, "r"), $"{{\"note\":\"{Pans.Visa}\"}}");

        var body = ChainLinker.Link("chain-a", ChainHead.Genesis, entry, Some.ReceivedAt).Record.Body;

        body.ShouldNotContain(Pans.Visa);
        body.ShouldContain("************1111");
    }

    [Fact]
    public void FromMessage_InvalidPayloadWithAnEscapedCardNumber_StoresNoCardNumber()
    {
        var payload = JsonEdit.Remove(Some.AccessEventJson(), "actor")
            .Replace("refund review", "\\u0034111111111111111", StringComparison.Ordinal);

        var entry = ChainEntry.FromMessage("m", payload, new AuditEventValidator());

        var stored = JsonNode.Parse(entry.Payload!.Masked)!["query"]!["description"]!.GetValue<string>();
        CardNumberDetector.ContainsCardNumber(stored).ShouldBeFalse($"the quarantined payload keeps '{stored}'");
    }

    [Fact]
    public void FromMessage_ValidPayload_IsAcceptedWithItsContentHash()
    {
        var entry = ChainEntry.FromMessage("m-1", Some.AccessEventJson(), new AuditEventValidator());

        entry.Event.ShouldNotBeNull().EventId.ShouldBe("evt-0001");
        entry.EventHash.ShouldBe(EventHasher.Compute(entry.Event));
    }

    [Fact]
    public void FromMessage_InvalidPayload_IsQuarantinedWithItsPayloadAsPreview()
    {
        var entry = ChainEntry.FromMessage("m-2", "not json", new AuditEventValidator());

        entry.Rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.NotJson);
        entry.Payload.ShouldNotBeNull().Preview.ShouldBe("not json");
        entry.IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public void References_AccessEvent_ListsEachRecordOnceWithEveryWayItWasTouched()
    {
        var auditEvent = Some.AccessEvent() with
        {
            Query = new QueryDetails(["pay-1", "pay-2"]),
            Response = new ResponseDetails(["pay-2", "pay-3"]),
        };

        var references = ChainLinker.References(auditEvent);

        references.ShouldBe(
        [
            new RecordReference("pay-1", "queried"),
            new RecordReference("pay-2", "queried+returned"),
            new RecordReference("pay-3", "returned"),
        ]);
    }

    [Fact]
    public void References_PaymentEvent_ListsThePaymentAsProcessed()
    {
        var references = ChainLinker.References(Some.PaymentEvent(paymentId: "pay-9"));

        references.ShouldBe([new RecordReference("pay-9", "processed")]);
    }

    [Fact]
    public void References_PaymentAlsoQueried_CombinesTheKinds()
    {
        var auditEvent = Some.PaymentEvent(paymentId: "pay-9") with { Query = new QueryDetails(["pay-9"]) };

        var references = ChainLinker.References(auditEvent);

        references.ShouldBe([new RecordReference("pay-9", "queried+processed")]);
    }

    [Fact]
    public void References_QueryByDescriptionOnly_ListsNothing()
    {
        var references = ChainLinker.References(Some.MinimalAccessEvent());

        references.ShouldBeEmpty();
    }
}
