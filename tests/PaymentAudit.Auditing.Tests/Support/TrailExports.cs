using System.Security.Cryptography;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Auditing.Exports;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;

namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>Exports of a <see cref="StoredTrail"/>, digests of it, and edits of its records as an attacker would make them.</summary>
public static class TrailExports
{
    /// <summary>The full export's time: midnight, as the deployed schedule takes it.</summary>
    public static readonly DateTimeOffset ExportTime = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Exports the trail's table as a full export under <c>exports/full/2026-11-23</c> of <paramref name="target"/>.</summary>
    public static Task<LocalExportResult> ExportAsync(StoredTrail trail, ExportLocation target) =>
        new LocalTableExporter(trail.DynamoDb, new FixedTime(ExportTime), new LocalExportOptions { Segments = 3 })
            .ExportAsync(trail.Table, target, "exports/full/2026-11-23", CancellationToken.None);

    /// <summary>The one export below <paramref name="location"/>.</summary>
    public static async Task<TableExport> SingleAsync(ExportLocation location) =>
        (await DynamoDbExportReader.FindAsync(location, CancellationToken.None)).ShouldHaveSingleItem();

    /// <summary>
    /// Writes an incremental export of <paramref name="from"/> to <paramref name="to"/> under
    /// <c>exports/incremental/&lt;to's date&gt;</c>, its data file in the shared data folder, keys
    /// in the manifests from the bucket's root (the other layout than <see cref="LocalTableExporter"/>'s).
    /// </summary>
    public static async Task<string> WriteIncrementalAsync(ExportLocation target, DateTimeOffset from, DateTimeOffset to, IEnumerable<byte[]> changes)
    {
        var writer = new ExportWriter(target, $"exports/incremental/{to:yyyy-MM-dd}", $"{to.ToUnixTimeMilliseconds():D14}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}")
        {
            KeysFromBucketRoot = true,
        };
        await writer.StartAsync(CancellationToken.None);
        await writer.WriteDataFileAsync(changes, sharedDataFolder: true, CancellationToken.None);
        await writer.CompleteAsync(
            new ExportSummaryFields { Kind = ExportKind.Incremental, ExportTime = from, ExportToTime = to, StartTime = to.AddHours(1), EndTime = to.AddHours(1.2), ViewType = "NEW_IMAGE" },
            CancellationToken.None);
        return writer.ExportId;
    }

    /// <summary>An incremental row putting <paramref name="item"/>.</summary>
    public static byte[] Put(Dictionary<string, AttributeValue> item, DateTimeOffset written) =>
        ExportWriter.ChangeLine(KeyOf(item), item, null, Micros(written));

    /// <summary>An incremental row deleting the record at <paramref name="chainId"/> / <paramref name="seq"/>.</summary>
    public static byte[] Delete(string chainId, long seq, DateTimeOffset written) =>
        ExportWriter.ChangeLine(StoredTrail.Key(chainId, seq), null, null, Micros(written));

    /// <summary>Whether <paramref name="item"/> is the record at <paramref name="chainId"/> / <paramref name="seq"/>.</summary>
    public static bool Is(Dictionary<string, AttributeValue> item, string chainId, long seq) =>
        item["pk"].S == AuditKeys.Chain(chainId) && item["sk"].S == AuditKeys.Record(seq);

    /// <summary>The record item with its actor changed in the body and the <c>user_id</c> beside it, its hash left as it was.</summary>
    public static Dictionary<string, AttributeValue> ChangeActor(Dictionary<string, AttributeValue> item, string from, string to)
    {
        var body = item["body"].S;
        body.ShouldContain($"\"{from}\"");
        var edited = new Dictionary<string, AttributeValue>(item)
        {
            ["body"] = new() { S = body.Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal) },
            ["user_id"] = new() { S = to },
        };
        JsonCanonicalizer.Canonicalize(edited["body"].S).ShouldBe(edited["body"].S);
        return edited;
    }

    /// <summary>The record item linked after <paramref name="prevHash"/> with its hash recomputed: a consistent rewrite.</summary>
    public static Dictionary<string, AttributeValue> Relink(Dictionary<string, AttributeValue> item, string prevHash) => new(item)
    {
        ["prevHash"] = new() { S = prevHash },
        ["hash"] = new() { S = RecordHasher.Compute(item["body"].S, prevHash) },
    };

    /// <summary>One signed digest of the trail's heads as they are now (dated <paramref name="at"/>, default now), verified.</summary>
    public static async Task<DigestVerification> DigestAsync(StoredTrail trail, DateTimeOffset? at = null)
    {
        using var signer = new EcdsaDigestSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256), "test-key");
        var store = new InMemoryDigestStore();
        var options = new DigesterOptions { Environment = "test", TableArn = trail.Table, Period = TimeSpan.FromHours(1) };
        await new Digester(trail.Reader, store, signer, at is { } time ? new FixedTime(time) : TimeProvider.System, options).RunAsync(CancellationToken.None);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(signer.PublicKeyPem());
        var verification = DigestChainVerifier.Verify([.. store.Digests.Values], publicKey, at ?? DateTimeOffset.UtcNow);
        verification.Violations.ShouldBeEmpty();
        return verification;
    }

    /// <summary>Verifies every export below <paramref name="location"/>.</summary>
    public static Task<ExportReport> VerifyAsync(ExportLocation location, DigestVerification? digests = null) =>
        new ExportVerifier(new AuditEventValidator()).VerifyAsync(location, digests, CancellationToken.None);

    private static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) => new() { ["pk"] = item["pk"], ["sk"] = item["sk"] };

    private static long Micros(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / 10;
}
