using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>Invariant 3: every change, deletion, insertion or reordering is found, by chain and seq.</summary>
public sealed class ChainVerifierTests
{
    private const string Chain = "chain-a";
    private readonly StoredChain _chain = StoredChain.OfFive(Chain);

    [Fact]
    public async Task VerifyAsync_ChainAsLinked_IsIntact()
    {
        var result = await _chain.VerifyAsync();

        result.IsIntact.ShouldBeTrue(string.Join("; ", result.Violations));
        result.RecordsChecked.ShouldBe(5);
        result.ChainId.ShouldBe(Chain);
        result.FirstViolation.ShouldBeNull();
    }

    [Fact]
    public async Task VerifyAsync_EmptyChainAtGenesis_IsIntact()
    {
        var empty = StoredChain.Of(Chain, []);

        var result = await empty.VerifyAsync();

        result.IsIntact.ShouldBeTrue();
        result.RecordsChecked.ShouldBe(0);
    }

    [Fact]
    public async Task VerifyAsync_DeletedLastRecordWithoutACommitment_GoesUnnoticed()
    {
        // What the table alone cannot show: the index manifest and signed digests are what commit a
        // chain's head outside it. This pins the limit so nobody relies on the table for it.
        _chain.Commitments.Clear();
        _chain.Delete(5);

        var result = await _chain.VerifyAsync();

        result.IsIntact.ShouldBeTrue();
        result.LastRecord.Seq.ShouldBe(4);
    }

    [Fact]
    public async Task VerifyAsync_CommitmentOfAnEarlierPosition_IsCheckedThere()
    {
        _chain.Commitments.Clear();
        _chain.Commitments.Add(new ChainCommitment(3, new string('e', 64), "the test's commitment"));

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 3, ViolationKind.HeadMismatch, "record 3 differs from the head the test's commitment committed at that position (chain rewritten after it was committed)"));
    }

    [Fact]
    public async Task VerifyAsync_SameEventAcceptedTwice_IsADuplicateEventAtTheSecond()
    {
        var chain = StoredChain.Of(Chain, [Entries.Access("evt-1"), Entries.Access("evt-2"), ChainEntry.Accepted("other-message", Some.AccessEvent("evt-1"))]);

        var result = await chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 3, ViolationKind.DuplicateEvent, "event id is already accepted at seq 1 (an event stored twice)"));
    }

    [Fact]
    public async Task VerifyAsync_EditedBodyField_IsAHashMismatchAtThatRecord()
    {
        _chain.Replace(1, r => r with { Body = r.Body.Replace("\"denied\"", "\"success\"", StringComparison.Ordinal) });

        var result = await _chain.VerifyAsync();

        result.FirstViolation.ShouldBe(new ChainViolation(
            Chain, 1, ViolationKind.HashMismatch, "stored hash does not match the record's body and prevHash (record edited)"));
    }

    [Fact]
    public async Task VerifyAsync_EditedBodyOfAQuarantinedRecord_IsAHashMismatchAtThatRecord()
    {
        _chain.Replace(3, r => r with { Body = r.Body.Replace("user-eve", "user-ana", StringComparison.Ordinal) });

        var result = await _chain.VerifyAsync();

        result.FirstViolation.ShouldNotBeNull();
        (result.FirstViolation.ChainId, result.FirstViolation.Seq, result.FirstViolation.Kind).ShouldBe((Chain, 3L, ViolationKind.HashMismatch));
    }

    [Fact]
    public async Task VerifyAsync_EditedUserIdAttribute_IsAnAttributeMismatchAtThatRecord()
    {
        _chain.Replace(4, r => r with { Seed = r.Seed with { UserId = "someone-else" } });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 4, ViolationKind.AttributeMismatch, "attribute 'user_id' does not match the record body"));
    }

    public static TheoryData<string> EditableAttributes =>
        ["status", "eventId", "eventType", "user_id", "timestamp", "query_record_id", "response_record_ids", "query_result"];

    [Theory]
    [MemberData(nameof(EditableAttributes))]
    public async Task VerifyAsync_EditedAttribute_IsAnAttributeMismatchNamingIt(string attribute)
    {
        _chain.Replace(1, r => attribute switch
        {
            "status" => r with { Status = RecordStatus.Rejected },
            "user_id" => r with { Seed = r.Seed with { UserId = "user-mallory" } },
            "eventId" => r with { EventId = "evt-other" },
            "eventType" => r with { EventType = "payment.record.viewed" },
            "timestamp" => r with { Seed = r.Seed with { Timestamp = "2030-01-01T00:00:00.0000000Z" } },
            "query_record_id" => r with { Seed = r.Seed with { QueryRecordId = "pay-9999" } },
            "response_record_ids" => r with { Seed = r.Seed with { ResponseRecordIds = [] } },
            "query_result" => r with { Seed = r.Seed with { QueryResult = "success" } },
            _ => throw new ArgumentOutOfRangeException(nameof(attribute)),
        });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 1, ViolationKind.AttributeMismatch, $"attribute '{attribute}' does not match the record body"));
    }

    [Fact]
    public async Task VerifyAsync_DeletedMiddleRecord_IsAGapAtItsSeq()
    {
        _chain.Delete(3);

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(Chain, 3, ViolationKind.Gap, "record 3 is missing"));
    }

    [Fact]
    public async Task VerifyAsync_DeletedRunOfRecords_IsOneGapNamingTheRange()
    {
        _chain.Delete(2);
        _chain.Delete(3);

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(Chain, 2, ViolationKind.Gap, "records 2-3 are missing"));
    }

    [Fact]
    public async Task VerifyAsync_DeletedFirstRecord_IsAGapAtOne()
    {
        _chain.Delete(1);

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(Chain, 1, ViolationKind.Gap, "record 1 is missing"));
    }

    [Fact]
    public async Task VerifyAsync_DeletedLastRecord_IsAHeadMismatchAtTheCommittedHead()
    {
        _chain.Delete(5);

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 5, ViolationKind.HeadMismatch, "the test's commitment committed the chain at seq 5 but its stored records end at 4 (records removed at the end)"));
    }

    [Fact]
    public async Task VerifyAsync_EveryRecordDeleted_IsAHeadMismatchAtTheHead()
    {
        _chain.Records.Clear();

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().Kind.ShouldBe(ViolationKind.HeadMismatch);
        result.Violations[0].Seq.ShouldBe(5);
    }

    [Fact]
    public async Task VerifyAsync_RecordsAfterTheLastCommitment_AreCheckedByTheirLinks()
    {
        var appended = ChainLinker.Link(Chain, new ChainHead(_chain.Commitments[^1].Seq, _chain.Commitments[^1].Hash), Entries.Access("evt-later"), Some.ReceivedAt).Record;
        _chain.Records.Add(new StoredRecord(Chain, 6, appended));

        var result = await _chain.VerifyAsync();

        result.IsIntact.ShouldBeTrue();
        result.LastRecord.ShouldBe(new ChainHead(6, appended.Hash));
    }

    [Fact]
    public async Task VerifyAsync_RecordInsertedInTheMiddle_IsABrokenLinkAtTheRecordAfterIt()
    {
        var forged = ChainLinker.Link(Chain, new ChainHead(2, _chain[2].Hash), Entries.Access("evt-forged"), Some.ReceivedAt).Record;
        var shifted = _chain.Records.Where(r => r.KeySeq >= 3).Select(r => r with { KeySeq = r.KeySeq + 1 }).ToList();
        _chain.Records.RemoveAll(r => r.KeySeq >= 3);
        _chain.Records.Add(new StoredRecord(Chain, 3, forged));
        _chain.Records.AddRange(shifted);

        var result = await _chain.VerifyAsync();

        result.FirstViolation.ShouldNotBeNull();
        (result.FirstViolation.Seq, result.FirstViolation.Kind).ShouldBe((4L, ViolationKind.BrokenLink));
        result.Violations.ShouldContain(v => v.Seq == 4 && v.Kind == ViolationKind.BodyMismatch);
        result.Violations.ShouldContain(v => v.Kind == ViolationKind.HeadMismatch);
    }

    [Fact]
    public async Task VerifyAsync_TwoRecordsContentsSwapped_IsABrokenLinkAtTheFirstAndBodyMismatchAtBoth()
    {
        var second = _chain[2];
        var third = _chain[3];
        _chain.Replace(2, _ => third);
        _chain.Replace(3, _ => second);

        var result = await _chain.VerifyAsync();

        result.FirstViolation.ShouldNotBeNull();
        (result.FirstViolation.Seq, result.FirstViolation.Kind).ShouldBe((2L, ViolationKind.BrokenLink));
        result.Violations.ShouldContain(v => v.Seq == 2 && v.Kind == ViolationKind.BodyMismatch);
        result.Violations.ShouldContain(v => v.Seq == 3 && v.Kind == ViolationKind.BodyMismatch);
        result.Violations.ShouldContain(v => v.Seq == 3 && v.Kind == ViolationKind.BrokenLink);
    }

    [Fact]
    public async Task VerifyAsync_EditWithItsHashRecomputed_IsABrokenLinkAtTheNextRecord()
    {
        _chain.Replace(2, r =>
        {
            var body = r.Body.Replace("\"129.90\"", "\"1.00\"", StringComparison.Ordinal);
            return r with { Body = body, Hash = RecordHasher.Compute(body, r.PrevHash) };
        });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 3, ViolationKind.BrokenLink, "prevHash does not match the hash of record 2 (record inserted, removed, reordered or forked)"));
    }

    [Fact]
    public async Task VerifyAsync_EditWithEveryLaterHashRecomputed_IsAHeadMismatch()
    {
        var prevHash = _chain[1].Hash;
        for (var seq = 2; seq <= 5; seq++)
        {
            var previous = prevHash;
            _chain.Replace(seq, r =>
            {
                var body = seq == 2 ? r.Body.Replace("\"129.90\"", "\"1.00\"", StringComparison.Ordinal) : r.Body;
                return r with { Body = body, PrevHash = previous, Hash = RecordHasher.Compute(body, previous) };
            });
            prevHash = _chain[seq].Hash;
        }

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            Chain, 5, ViolationKind.HeadMismatch, "record 5 differs from the head the test's commitment committed at that position (chain rewritten after it was committed)"));
    }

    [Fact]
    public async Task VerifyAsync_RecordMovedFromAnotherChain_IsABodyMismatchNamingTheOtherChain()
    {
        var other = StoredChain.OfFive("chain-b");
        _chain.Replace(3, _ => other[3] with { ChainId = Chain });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldContain(new ChainViolation(
            Chain, 3, ViolationKind.BodyMismatch, "body belongs to chain 'chain-b' seq 3 (record moved or swapped)"));
    }

    [Fact]
    public async Task VerifyAsync_BodyNotInCanonicalForm_IsUnreadable()
    {
        _chain.Replace(5, r =>
        {
            var body = r.Body.Replace(",\"seq\":", ", \"seq\":", StringComparison.Ordinal);
            return r with { Body = body, Hash = RecordHasher.Compute(body, r.PrevHash) };
        });
        _chain.Commitments[0] = StoredChain.Commit(new ChainHead(5, _chain[5].Hash));

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(Chain, 5, ViolationKind.UnreadableBody, "body is not in RFC 8785 canonical form"));
    }

    [Fact]
    public async Task VerifyAsync_BodyThatIsNotJson_IsUnreadable()
    {
        _chain.Replace(2, r => r with { Body = "garbage" });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldContain(new ChainViolation(Chain, 2, ViolationKind.UnreadableBody, "body is not JSON"));
    }

    [Theory]
    [InlineData("\"schemaVersion\":1", "\"schemaVersion\":1e400")]
    [InlineData("\"user-ana\"", "\"user-ana\\ud800\"")]
    public async Task VerifyAsync_BodyEditedIntoJsonWithoutCanonicalForm_IsReportedNotThrown(string original, string tampered)
    {
        _chain.Replace(1, r => r with { Body = r.Body.Replace(original, tampered, StringComparison.Ordinal) });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldContain(v => v.Seq == 1 && v.Kind == ViolationKind.UnreadableBody);
    }

    [Fact]
    public async Task VerifyAsync_TamperedPrevHash_IsABrokenLinkAtThatRecord()
    {
        _chain.Replace(4, r => r with { PrevHash = new string('f', 64) });

        var result = await _chain.VerifyAsync();

        result.Violations.ShouldContain(v => v.Seq == 4 && v.Kind == ViolationKind.BrokenLink);
    }

    [Fact]
    public async Task VerifyAsync_QuarantinedPayloadLongerThanThePreview_IsIntact()
    {
        var payload = JsonEdit.Set(Entries.RejectedPayload, "padding", new string('p', QuarantinedPayload.PreviewMaxBytes * 3));
        var chain = StoredChain.Of(Chain, [Entries.Access(), Entries.Rejected(payload: payload)]);

        var result = await chain.VerifyAsync();

        result.IsIntact.ShouldBeTrue(string.Join("; ", result.Violations));
    }

    [Fact]
    public async Task VerifyAsync_ManyFindings_AreCappedAtTheMaximum()
    {
        var entries = Enumerable.Range(1, ChainVerifier.MaxViolations + 20).Select(i => Entries.Access($"evt-{i}")).ToList();
        var chain = StoredChain.Of(Chain, entries);
        foreach (var seq in Enumerable.Range(1, entries.Count))
        {
            chain.Replace(seq, r => r with { Seed = r.Seed with { UserId = "x" } });
        }

        var result = await chain.VerifyAsync();

        result.Violations.Count.ShouldBe(ChainVerifier.MaxViolations);
        result.RecordsChecked.ShouldBe(entries.Count);
    }

    [Fact]
    public void Violation_ToString_NamesChainAndSeq()
    {
        var violation = new ChainViolation(Chain, 7, ViolationKind.Gap, "record 7 is missing");

        violation.ToString().ShouldBe("chain 'chain-a' seq 7: Gap: record 7 is missing");
    }
}
