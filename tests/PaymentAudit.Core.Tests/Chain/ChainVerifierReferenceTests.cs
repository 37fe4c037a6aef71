using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>
/// The default verifier (one pass over each body) finds what the reference path finds: the path
/// <see cref="ChainVerifierOptions.RevalidateContract"/> takes, which parses each body into a
/// document, re-writes it canonically when in doubt and re-validates the stored event. They differ
/// only where the option is about: a stored event that no longer satisfies the contract.
/// </summary>
public sealed class ChainVerifierReferenceTests
{
    private const string ContractFinding = "stored event no longer satisfies the contract";

    private static readonly List<StoredRecord> Corpus = RecordCorpus.Stored();

    private readonly ChainVerifier _fast = new(new AuditEventValidator());
    private readonly ChainVerifier _reference = new(new AuditEventValidator(), new ChainVerifierOptions { RevalidateContract = true });

    public static TheoryData<int> MutationSeeds => [.. Enumerable.Range(0, 30)];

    [Fact]
    public async Task VerifyAsync_EveryKindOfRecord_IsIntactOnBothPaths()
    {
        (await Verify(_fast, Corpus)).IsIntact.ShouldBeTrue();
        (await Verify(_reference, Corpus)).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task VerifyAsync_Projections_AreTheReferencePathProjections()
    {
        var fast = new List<RecordProjection>();
        var reference = new List<RecordProjection>();

        await Verify(_fast, Corpus, (_, p) => fast.Add(p));
        await Verify(_reference, Corpus, (_, p) => reference.Add(p));

        fast.Count.ShouldBe(Corpus.Count);
        fast.Select(Describe).ShouldBe(reference.Select(Describe));
    }

    /// <summary>
    /// 50 edits per seed, one record's body each, some with the hash recomputed over the edit: the
    /// findings are the same on both paths, in the same order and with the same words (the reasons a
    /// body is not a readable record are worded by each reader). Edits whose event the reference
    /// path finds outside the contract are left out here; the next test pins what happens to them.
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationSeeds))]
    public async Task VerifyAsync_EditedBody_FindsWhatTheReferencePathFinds(int seed)
    {
        var compared = 0;
        for (var i = seed * 50; i < (seed + 1) * 50; i++)
        {
            var position = i % Corpus.Count;
            var original = Corpus[position].Record;
            if (BodyMutations.Mutate(original.Body, i) is not { } mutation)
            {
                continue;
            }

            var records = new List<StoredRecord>(Corpus);
            var edited = original with { Body = mutation.Body };
            if (i % 2 == 0)
            {
                edited = edited with { Hash = RecordHasher.Compute(mutation.Body, original.PrevHash) };
            }

            records[position] = Corpus[position] with { Record = edited };
            var context = $"edit {i} ({mutation.Kind}) of record {original.Seq}: {mutation.Body}";

            var reference = await Verify(_reference, records);
            var fast = await Verify(_fast, records);

            if (reference.Violations.Any(v => v.Detail.StartsWith(ContractFinding, StringComparison.Ordinal)))
            {
                continue;
            }

            compared++;
            fast.Violations.Select(Normalized).ShouldBe(reference.Violations.Select(Normalized), context);
            fast.RecordsChecked.ShouldBe(reference.RecordsChecked, context);
            fast.LastRecord.ShouldBe(reference.LastRecord, context);
        }

        compared.ShouldBeGreaterThan(25);
    }

    [Fact]
    public async Task VerifyAsync_HashConsistentEventOutsideTheContract_IsFoundOnlyWhenRevalidating()
    {
        var chain = StoredChain.OfFive();
        chain.Replace(1, r =>
        {
            var body = r.Body.Replace("\"type\":\"user\"", "\"type\":\"robot\"", StringComparison.Ordinal);
            return r with { Body = body, Hash = RecordHasher.Compute(body, r.PrevHash) };
        });
        for (var seq = 2; seq <= 5; seq++)
        {
            var previous = chain[seq - 1].Hash;
            chain.Replace(seq, r => r with { PrevHash = previous, Hash = RecordHasher.Compute(r.Body, previous) });
        }

        chain.Commitments.Clear();

        var fast = await Verify(_fast, chain.Records);
        var reference = await Verify(_reference, chain.Records);

        fast.IsIntact.ShouldBeTrue();
        reference.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(
            "chain-a", 1, ViolationKind.UnreadableBody, "stored event no longer satisfies the contract: invalid_field: field 'actor.type' must be 'user' or 'service'"));
    }

    [Fact]
    public async Task VerifyAsync_DefaultOptions_DoNotRevalidate()
    {
        ChainVerifierOptions.Default.RevalidateContract.ShouldBeFalse();
        (await Verify(new ChainVerifier(new AuditEventValidator(), null), Corpus)).IsIntact.ShouldBeTrue();
    }

    private static Task<ChainVerification> Verify(ChainVerifier verifier, List<StoredRecord> records, Action<StoredRecord, RecordProjection>? onRecord = null) =>
        verifier.VerifyAsync(
            records.Count == 0 ? RecordCorpus.ChainId : records[0].KeyChainId,
            records.ToAsyncEnumerable(),
            [new ChainCommitment(records[^1].KeySeq, records[^1].Record.Hash, "the test's commitment")],
            onRecord);

    private static string Normalized(ChainViolation v) =>
        $"{v.ChainId} {v.Seq} {v.Kind} {(v.Detail.StartsWith("body is not a readable record", StringComparison.Ordinal) ? "body is not a readable record" : v.Detail)}";

    private static string Describe(RecordProjection p) =>
        $"{p with { Event = null, Seed = null!, Redactions = [] }} {(p.Event is null ? "-" : Some.Json(p.Event))} {p.Seed with { ResponseRecordIds = [] }} [{string.Join(",", p.Seed.ResponseRecordIds)}] [{string.Join(",", p.Redactions)}]";
}
