using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Digests;

/// <summary>Signed, chained digests: what they prove and every way a tampered sequence is caught.</summary>
public sealed class DigestTests : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);
    private readonly InMemoryChains _chains = new();
    private readonly InMemoryDigestStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private readonly EcdsaDigestSigner _signer = new(ECDsa.Create(ECCurve.NamedCurves.nistP256), "local-test-key");
    private readonly Digester _digester;

    public DigestTests() =>
        _digester = new Digester(_chains, _store, _signer, _time, new DigesterOptions { Environment = "test", TableArn = "table-test", Period = Period });

    [Fact]
    public async Task Digests_MadeEachPeriod_VerifyAndCommitEveryChainsHead()
    {
        _chains.Append("chain-a", Entries.Access("evt-1")).Append("chain-b", Entries.Access("evt-2"));
        await RunAsync();
        _chains.Append("chain-a", Entries.Access("evt-3"));
        await RunAsync();

        var result = Verify();

        result.Violations.ShouldBeEmpty();
        (result.Digests, result.Verified).ShouldBe((2, 2));
        result.For("chain-a").Select(c => c.Seq).ShouldBe([1L, 2L]);
        result.For("chain-b").Select(c => c.Seq).ShouldBe([1L]);
        result.LatestHeads["chain-a"].ShouldBe(2);
    }

    [Fact]
    public async Task Digest_OfAQuietPeriod_IsStillMadeWithNothingMoved()
    {
        _chains.Append("chain-a", Entries.Access("evt-1"));
        await RunAsync();

        var quiet = await RunAsync();

        (quiet.Chains, quiet.Moved).ShouldBe((1, 0));
        DigestDocumentFile.TryRead(_store.Digests[quiet.Key].Document, out _)!.Chains.ShouldAllBe(c => !c.Moved);
    }

    [Fact]
    public async Task Digest_IsCanonicalJsonStoredUnderItsTimeAndLinksToThePreviousOne()
    {
        await RunAsync();
        var second = await RunAsync();

        second.Key.ShouldBe("digests/test/2026/11/23/110000.json");
        var document = DigestDocumentFile.TryRead(_store.Digests[second.Key].Document, out var problem);
        problem.ShouldBeNull();
        document!.Previous!.Key.ShouldBe("digests/test/2026/11/23/100000.json");
        PaymentAudit.Core.Canonical.JsonCanonicalizer.Canonicalize(_store.Digests[second.Key].Document).ShouldBe(_store.Digests[second.Key].Document);
    }

    [Fact]
    public async Task ForgedDigest_WithABadSignature_IsFound()
    {
        await RunAsync();
        var forged = await RunAsync();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var stored = _store.Digests[forged.Key];
        _store.Digests[forged.Key] = stored with { Signature = other.SignHash(DigestDocumentFile.Hash(stored.Document), DSASignatureFormat.Rfc3279DerSequence) };

        Verify().Violations.ShouldContain(v => v.Kind == ViolationKind.DigestInvalid && v.Detail.StartsWith(forged.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletedDigest_IsAGap()
    {
        await RunAsync();
        var deleted = await RunAsync();
        await RunAsync();
        _store.Digests.Remove(deleted.Key);

        Verify().Violations.ShouldContain(v => v.Kind == ViolationKind.DigestMissing);
    }

    [Fact]
    public async Task DigestWhosePreviousLinkWasAltered_IsABrokenLink()
    {
        await RunAsync();
        var second = await RunAsync();
        var stored = _store.Digests[second.Key];
        var document = DigestDocumentFile.TryRead(stored.Document, out _)!;
        var altered = DigestDocumentFile.Write(document with { Previous = document.Previous! with { Sha256 = new string('0', 64) } });
        _store.Digests[second.Key] = stored with { Document = altered, Signature = await _signer.SignAsync(DigestDocumentFile.Hash(altered), CancellationToken.None) };

        Verify().Violations.ShouldContain(v => v.Kind == ViolationKind.DigestLinkBroken);
    }

    [Fact]
    public async Task NoDigestForTwoPeriods_IsReported()
    {
        await RunAsync();

        _time.Advance(Period * 3);

        Verify().Violations.ShouldContain(v => v.Kind == ViolationKind.DigestMissing && v.Detail.Contains("no digest since", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChainDroppedFromALaterDigest_IsReported()
    {
        _chains.Append("chain-a", Entries.Access("evt-1"));
        _chains.Append("chain-b", Entries.Access("evt-2"));
        await RunAsync();
        _chains.RemoveFromDirectory("chain-b");
        var second = await RunAsync();

        var dropped = Verify().Violations.ShouldHaveSingleItem();
        (dropped.ChainId, dropped.Seq, dropped.Kind).ShouldBe(("chain-b", 1L, ViolationKind.MissingDirectoryEntry));
        dropped.Detail.ShouldContain(second.Key);
    }

    [Fact]
    public async Task TailRewrittenConsistently_PassesWithoutDigestsButFailsAgainstThem()
    {
        _chains.Append("chain-a", Entries.Access("evt-1"), Entries.Access("evt-2"), Entries.Access("evt-3"));
        var digest = await RunAsync();
        _chains.Tamper("chain-a", 2, r =>
        {
            var body = r.Body.Replace("\"denied\"", "\"success\"", StringComparison.Ordinal);
            return r with { Body = body, Hash = RecordHasher.Compute(body, r.PrevHash), Seed = r.Seed with { QueryResult = "success" } };
        });
        var rewritten = new List<StoredRecord>();
        await foreach (var record in _chains.ReadChainAsync("chain-a", 1, CancellationToken.None))
        {
            rewritten.Add(record);
        }

        var third = rewritten[2].Record;
        _chains.Tamper("chain-a", 3, r => r with { PrevHash = rewritten[1].Record.Hash, Hash = RecordHasher.Compute(r.Body, rewritten[1].Record.Hash) });
        var verifier = new ChainVerifier(new AuditEventValidator());

        var withoutDigests = await verifier.VerifyAsync("chain-a", _chains.ReadChainAsync("chain-a", 1, CancellationToken.None));
        var withDigests = await verifier.VerifyAsync("chain-a", _chains.ReadChainAsync("chain-a", 1, CancellationToken.None), Verify().For("chain-a"));

        third.ShouldNotBeNull();
        withoutDigests.IsIntact.ShouldBeTrue(string.Join("; ", withoutDigests.Violations));
        withDigests.Violations.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => (v.ChainId, v.Seq, v.Kind).ShouldBe(("chain-a", 3L, ViolationKind.HeadMismatch)),
            v => v.Detail.ShouldContain(digest.Key));
    }

    [Fact]
    public async Task Signature_MadeWithTheLocalKey_VerifiesWithThePublicKeyAlone()
    {
        var run = await RunAsync();
        using var publicKey = DigestSignatures.FromPem(_signer.PublicKeyPem());

        DigestSignatures.Verify(publicKey, _store.Digests[run.Key].Document, _store.Digests[run.Key].Signature).ShouldBeTrue();
        DigestSignatures.Verify(publicKey, [.. _store.Digests[run.Key].Document, (byte)' '], _store.Digests[run.Key].Signature).ShouldBeFalse();
    }

    [Fact]
    public void LocalKey_IsCreatedOnceAndLoadedAfterwards()
    {
        var path = Path.Combine(Path.GetTempPath(), $"digest-key-{Guid.NewGuid():N}.pem");
        try
        {
            using var first = EcdsaDigestSigner.LoadOrCreate(path, "local");
            using var again = EcdsaDigestSigner.LoadOrCreate(path, "local");

            again.PublicKeyPem().ShouldBe(first.PublicKeyPem());
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose() => _signer.Dispose();

    private async Task<DigestRun> RunAsync()
    {
        var run = await _digester.RunAsync(CancellationToken.None);
        _time.Advance(Period);
        return run;
    }

    private DigestVerification Verify()
    {
        using var publicKey = DigestSignatures.FromPem(_signer.PublicKeyPem());
        return DigestChainVerifier.Verify([.. _store.Digests.Values], publicKey, _time.GetUtcNow() - Period);
    }
}
