using System.Globalization;
using System.Security.Cryptography;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Digests;

/// <summary>
/// Verifies an environment's digests offline with the public key alone: every signature, the
/// canonical form, that each is stored under the key its time gives, that each links to the one
/// before it (key, SHA-256, signature), that no period is missing, and that no chain's head goes
/// backwards from one digest to the next. What the verified digests commit becomes commitments
/// the chain verifier holds each chain to, naming the digest that proves it.
/// </summary>
public static class DigestChainVerifier
{
    /// <summary>Slack allowed on top of one period between two digests (schedules drift, runs take time).</summary>
    public const double PeriodTolerance = 1.5;

    /// <summary>Verifies <paramref name="digests"/> (one environment's, any order) at <paramref name="now"/>.</summary>
    public static DigestVerification Verify(IReadOnlyList<StoredDigest> digests, ECDsa publicKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(digests);
        ArgumentNullException.ThrowIfNull(publicKey);
        var violations = new List<ChainViolation>();
        void Report(string key, ViolationKind kind, string detail) => violations.Add(new ChainViolation("digests", 0, kind, $"{key}: {detail}"));

        var commitments = new Dictionary<string, List<ChainCommitment>>(StringComparer.Ordinal);
        var lastHeads = new Dictionary<string, DigestedChain>(StringComparer.Ordinal);
        StoredDigest? earlier = null;
        DigestDocument? earlierDocument = null;
        var verified = 0;
        foreach (var digest in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var ok = true;
            if (!DigestSignatures.Verify(publicKey, digest.Document, digest.Signature))
            {
                Report(digest.Key, ViolationKind.DigestInvalid, "signature does not verify with the signing key's public key (forged or altered)");
                ok = false;
            }

            var document = DigestDocumentFile.TryRead(digest.Document, out var problem);
            if (document is null)
            {
                Report(digest.Key, ViolationKind.DigestInvalid, problem!);
                earlier = digest;
                earlierDocument = null;
                continue;
            }

            if (!Rfc3339.TryParseUtc(document.DigestTime, out var time) || DigestKeys.For(document.Environment, time) != digest.Key)
            {
                Report(digest.Key, ViolationKind.DigestInvalid, $"stored under a key that does not match its digest time {document.DigestTime}");
                ok = false;
            }

            ok &= CheckLink(digest, document, earlier, earlierDocument, Report);
            if (ok)
            {
                verified++;
                var listed = document.Chains.Select(c => c.ChainId).ToHashSet(StringComparer.Ordinal);
                foreach (var (chainId, before) in lastHeads.Where(h => !listed.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal))
                {
                    violations.Add(new ChainViolation(chainId, before.Seq, ViolationKind.MissingDirectoryEntry,
                        $"digest {digest.Key} no longer lists this chain, which an earlier digest committed at seq {before.Seq} (its chain directory entry was removed)"));
                }

                foreach (var chain in document.Chains)
                {
                    if (lastHeads.TryGetValue(chain.ChainId, out var before) && (chain.Seq < before.Seq || (chain.Seq == before.Seq && chain.Hash != before.Hash)))
                    {
                        violations.Add(new ChainViolation(chain.ChainId, chain.Seq, ViolationKind.HeadMismatch,
                            $"digest {digest.Key} commits seq {chain.Seq} but an earlier digest committed seq {before.Seq} with another hash (the chain went backwards)"));
                    }

                    if (chain.Seq > 0 && (!lastHeads.TryGetValue(chain.ChainId, out var seen) || seen.Seq != chain.Seq || seen.Hash != chain.Hash))
                    {
                        var at = Rfc3339.TryParseUtc(document.DigestTime, out var madeAt) ? new DateTimeOffset(madeAt, TimeSpan.Zero) : (DateTimeOffset?)null;
                        (commitments.TryGetValue(chain.ChainId, out var list) ? list : commitments[chain.ChainId] = []).Add(new ChainCommitment(chain.Seq, chain.Hash, $"digest {digest.Key}", at));
                    }

                    lastHeads[chain.ChainId] = chain;
                }
            }

            earlier = digest;
            earlierDocument = document;
        }

        if (earlierDocument is not null && Rfc3339.TryParseUtc(earlierDocument.DigestTime, out var last)
            && now - new DateTimeOffset(last, TimeSpan.Zero) > TimeSpan.FromSeconds(earlierDocument.PeriodSeconds * 2))
        {
            Report(earlier!.Key, ViolationKind.DigestMissing, $"no digest since {earlierDocument.DigestTime}, more than two periods of {earlierDocument.PeriodSeconds} s ago");
        }

        return new DigestVerification(
            digests.Count,
            verified,
            violations,
            commitments.ToDictionary(c => c.Key, c => (IReadOnlyList<ChainCommitment>)c.Value, StringComparer.Ordinal),
            lastHeads.ToDictionary(h => h.Key, h => h.Value.Seq, StringComparer.Ordinal));
    }

    private static bool CheckLink(StoredDigest digest, DigestDocument document, StoredDigest? earlier, DigestDocument? earlierDocument, Action<string, ViolationKind, string> report)
    {
        if (earlier is null)
        {
            if (document.Previous is { } missing)
            {
                report(digest.Key, ViolationKind.DigestMissing, $"links to {missing.Key}, which is not stored (the digests before this one are missing)");
                return false;
            }

            return true;
        }

        var ok = true;
        if (earlierDocument is not null
            && Rfc3339.TryParseUtc(earlierDocument.DigestTime, out var from) && Rfc3339.TryParseUtc(document.DigestTime, out var to)
            && (to - from).TotalSeconds > earlierDocument.PeriodSeconds * PeriodTolerance)
        {
            report(digest.Key, ViolationKind.DigestMissing, string.Create(
                CultureInfo.InvariantCulture,
                $"no digest between {earlierDocument.DigestTime} and {document.DigestTime} (one every {earlierDocument.PeriodSeconds} s): a digest is missing"));
            ok = false;
        }

        var expected = new DigestLink(earlier.Key, Convert.ToHexStringLower(DigestDocumentFile.Hash(earlier.Document)), Convert.ToBase64String(earlier.Signature));
        if (document.Previous is null || document.Previous != expected)
        {
            if (document.Previous?.Key is { } named && named != earlier.Key)
            {
                report(digest.Key, ViolationKind.DigestMissing, $"links to {named}, but the digest before it is {earlier.Key} (a digest is missing)");
            }
            else
            {
                report(digest.Key, ViolationKind.DigestLinkBroken, $"its link to {earlier.Key} does not match that digest's SHA-256 and signature (a digest was altered or replaced)");
            }

            ok = false;
        }

        return ok;
    }
}
