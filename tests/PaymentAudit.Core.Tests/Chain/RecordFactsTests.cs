using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>
/// The verifier's one-pass reading of a body against the reference: the document parse, the
/// canonical re-write and <see cref="RecordProjection.TryRead(JsonElement, AuditEventValidator, out string?)"/>.
/// </summary>
public sealed class RecordFactsTests
{
    private static readonly IReadOnlyList<ChainRecord> Corpus = RecordCorpus.Records();

    private readonly AuditEventValidator _validator = new();
    private readonly RecordFacts _facts = new();

    public static TheoryData<int> CorpusPositions => [.. Enumerable.Range(0, Corpus.Count)];

    public static TheoryData<int> MutationSeeds => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(CorpusPositions))]
    public void Read_BodyAsTheWriterWroteIt_IsCanonicalAndGivesTheReferenceProjection(int position)
    {
        var record = Corpus[position];
        var body = Encoding.UTF8.GetBytes(record.Body);

        var verdict = _facts.Read(body);

        verdict.ShouldBe(RecordFacts.Verdict.Canonical, record.Body);
        _facts.Problem.ShouldBeNull();
        var reference = RecordProjection.TryRead(record.Body, _validator, out var problem).ShouldNotBeNull(problem);
        Describe(_facts.ToProjection(body, record)).ShouldBe(Describe(reference));
        FactsShouldMatch(body, reference);
    }

    [Theory]
    [MemberData(nameof(CorpusPositions))]
    public void ToProjection_AttributesThatDifferFromTheBody_AreNotTakenOver(int position)
    {
        var record = Corpus[position];
        var body = Encoding.UTF8.GetBytes(record.Body);
        var unrelated = record with
        {
            ChainId = "x",
            EventId = "x",
            EventType = "x",
            ReceivedAt = "x",
            Seed = new SeedAttributes("x", "x", "x", ["x", "y"], "x"),
        };
        _facts.Read(body);

        var projection = _facts.ToProjection(body, unrelated);

        Describe(projection).ShouldBe(Describe(RecordProjection.TryRead(record.Body, _validator, out _)!));
    }

    /// <summary>
    /// 100 edits per seed of bodies from every kind of record: the one-pass verdict never calls
    /// canonical what the exact re-write changes, nor JSON what the parser refuses, and whenever the
    /// reference reader reads the edited body, the facts are the ones it derives.
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationSeeds))]
    public void Read_EditedBodies_AgreeWithTheReference(int seed)
    {
        for (var i = seed * 100; i < (seed + 1) * 100; i++)
        {
            var record = Corpus[i % Corpus.Count];
            if (BodyMutations.Mutate(record.Body, i) is not { } mutation)
            {
                continue;
            }

            var (kind, edited) = mutation;

            var context = $"edit {i} ({kind}) of record {record.Seq}: {edited}";
            var body = Encoding.UTF8.GetBytes(edited);

            var verdict = _facts.Read(body);

            // "Canonical" is a promise; "unsettled" covers both bodies that are not canonical and
            // canonical ones outside the shapes the writer writes (an unknown member, say).
            var reference = Reference(body);
            (verdict == RecordFacts.Verdict.NotJson).ShouldBe(reference.Verdict == RecordFacts.Verdict.NotJson, context);
            if (verdict == RecordFacts.Verdict.Canonical)
            {
                reference.Verdict.ShouldBe(RecordFacts.Verdict.Canonical, context);
                CanonicalFormCheck.IsCertainlyCanonical(body).ShouldBeTrue(context);
            }

            if (reference.HasCanonicalForm && RecordProjection.TryRead(edited, _validator, out _) is { } projection && HoldsNoNull(projection))
            {
                _facts.Problem.ShouldBeNull(context);
                Describe(_facts.ToProjection(body, record)).ShouldBe(Describe(projection), context);
                FactsShouldMatch(body, projection, context);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("{")]
    [InlineData("{\"a\":1}}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":\"\n\"}")]
    [InlineData("nul")]
    public void Read_NotJson_IsNotJson(string json)
    {
        _facts.Read(Encoding.UTF8.GetBytes(json)).ShouldBe(RecordFacts.Verdict.NotJson);
    }

    [Theory]
    [InlineData("[]", "body is not a readable record (not an object)")]
    [InlineData("{\"chainId\":\"c\",\"format\":9,\"messageId\":\"m\",\"receivedAt\":\"t\",\"seq\":1,\"status\":\"accepted\"}", "body has format 9, which this release does not know")]
    [InlineData("{\"chainId\":\"c\",\"format\":2,\"messageId\":\"m\",\"receivedAt\":\"t\",\"seq\":1,\"status\":\"pending\"}", "unknown status 'pending'")]
    [InlineData("{\"chainId\":\"c\",\"format\":2,\"messageId\":\"m\",\"receivedAt\":\"t\",\"seq\":\"1\",\"status\":\"accepted\"}", "body is not a readable record ('seq' is not an integer)")]
    [InlineData("{\"chainId\":\"c\",\"format\":2,\"messageId\":\"m\",\"receivedAt\":\"t\",\"seq\":1,\"status\":\"accepted\"}", "body is not a readable record ('event' is missing)")]
    [InlineData("{\"chainId\":\"c\",\"format\":2,\"messageId\":\"m\",\"receivedAt\":\"t\",\"seq\":1,\"status\":\"rejected\"}", "body is not a readable record ('rejection' is missing)")]
    public void Read_JsonThatIsNotARecord_NamesTheProblem(string json, string problem)
    {
        _facts.Read(Encoding.UTF8.GetBytes(json));

        _facts.Problem.ShouldBe(problem);
    }

    [Fact]
    public void Read_EventThatBreaksTheContractButHasItsShape_IsReadable()
    {
        // The contract is the writer's gate; the verifier reads what the body says (see ChainVerifierOptions).
        var body = ChainLinker.Link("chain-a", ChainHead.Genesis, Entries.Access(), Some.ReceivedAt).Record.Body
            .Replace("\"type\":\"user\"", "\"type\":\"robot\"", StringComparison.Ordinal);

        _facts.Read(Encoding.UTF8.GetBytes(body)).ShouldBe(RecordFacts.Verdict.Canonical);

        _facts.Problem.ShouldBeNull();
    }

    /// <summary>What the reference path concludes about a body's JSON and canonical form.</summary>
    private static (RecordFacts.Verdict Verdict, bool HasCanonicalForm) Reference(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (RecordFacts.Verdict.NotJson, false);
        }

        using (document)
        {
            byte[] canonical;
            try
            {
                canonical = JsonCanonicalizer.Canonicalize(body);
            }
            catch (JsonException)
            {
                return (RecordFacts.Verdict.Unsettled, false);
            }

            return (canonical.AsSpan().SequenceEqual(body) ? RecordFacts.Verdict.Canonical : RecordFacts.Verdict.Unsettled, true);
        }
    }

    /// <summary>
    /// The reference reader passes a JSON null through where the record needs a string (a null
    /// chain id, status or code); the one-pass reader calls such a body unreadable. The writer never
    /// writes null, so only hand-made bodies differ, and the edits above write no null values.
    /// </summary>
    private static bool HoldsNoNull(RecordProjection projection) =>
        projection.ChainId is not null && projection.Status is not null && projection.MessageId is not null && projection.ReceivedAt is not null
        && projection.Redactions.All(r => r is not null)
        && (projection.Quarantine is null || (projection.Quarantine.Code is not null && projection.Quarantine.DuplicateOf is not { ChainId: null } and not { EventHash: null }));

    private static string Describe(RecordProjection p) => string.Join(
        " | ",
        p.Format,
        p.ChainId,
        p.Seq,
        p.Status,
        p.MessageId,
        p.ReceivedAt,
        p.Event is null ? "(no event)" : $"{Some.Json(p.Event)} schemaVersion={p.Event.SchemaVersion}",
        $"{p.Seed.UserId}, {p.Seed.Timestamp}, {p.Seed.QueryRecordId}, [{string.Join(",", p.Seed.ResponseRecordIds)}], {p.Seed.QueryResult}",
        $"[{string.Join(",", p.Redactions)}]",
        p.Quarantine?.ToString() ?? "(no quarantine)");

    private void FactsShouldMatch(byte[] body, RecordProjection reference, string? context = null)
    {
        _facts.Format.ShouldBe(reference.Format, context);
        _facts.Seq.ShouldBe(reference.Seq, context);
        _facts.IsAccepted.ShouldBe(reference.Status == RecordStatus.Accepted, context);
        _facts.Matches(body, RecordFacts.Fact.ChainId, reference.ChainId).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.ReceivedAt, reference.ReceivedAt).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.EventId, reference.EventId).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.EventType, reference.EventType).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.UserId, reference.Seed.UserId).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.Timestamp, reference.Seed.Timestamp).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.QueryRecordId, reference.Seed.QueryRecordId).ShouldBeTrue(context);
        _facts.Matches(body, RecordFacts.Fact.QueryResult, reference.Seed.QueryResult).ShouldBeTrue(context);
        _facts.ResponseRecordIdsMatch(body, reference.Seed.ResponseRecordIds).ShouldBeTrue(context);
        _facts.GetString(body, RecordFacts.Fact.EventId).ShouldBe(reference.EventId, context);
        _facts.GetString(body, RecordFacts.Fact.Timestamp).ShouldBe(reference.Seed.Timestamp, context);
    }
}
