using System.Globalization;
using System.Runtime.CompilerServices;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;

namespace PaymentAudit.Auditing.Exports;

/// <summary>
/// Verifies DynamoDB table exports of the audit table (backup validation). It reads every export
/// found (<see cref="DynamoDbExportReader"/>), rebuilds the table from them in time order (the first
/// full export, then each incremental export's puts and deletes, each later full export checked
/// against what came before it), reports what an append-only trail forbids (a deleted item, an item
/// whose content changed, time no export covers), then verifies every chain in the rebuilt table
/// with <see cref="ChainVerifier"/>, held to the heads that verified digests committed, and checks
/// the chain directory against the chains. See docs/exports.md.
/// </summary>
public sealed class ExportVerifier
{
    /// <summary>Findings about single items beyond this many are counted, not listed (the chain verifier caps its own per chain).</summary>
    public const int MaxItemFindings = 1_000;

    private readonly AuditEventValidator _validator;

    /// <summary>Creates a verifier that re-validates stored events with <paramref name="validator"/>.</summary>
    public ExportVerifier(AuditEventValidator validator) => _validator = validator ?? throw new ArgumentNullException(nameof(validator));

    /// <summary>Verifies every export found below <paramref name="location"/>.</summary>
    /// <param name="location">A directory or S3 prefix holding one or more exports at any depth.</param>
    /// <param name="digests">Verified digests whose commitments every chain is held to; null to verify without them.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    public Task<ExportReport> VerifyAsync(ExportLocation location, DigestVerification? digests, CancellationToken cancellationToken) =>
        VerifyAsync([location], digests, cancellationToken);

    /// <summary>Verifies every export found below any of <paramref name="locations"/>, together.</summary>
    /// <param name="locations">Directories or S3 prefixes holding one or more exports at any depth.</param>
    /// <param name="digests">Verified digests whose commitments every chain is held to; null to verify without them.</param>
    /// <param name="cancellationToken">Cancels the verification.</param>
    /// <exception cref="DirectoryNotFoundException">A directory location does not exist.</exception>
    public async Task<ExportReport> VerifyAsync(IReadOnlyList<ExportLocation> locations, DigestVerification? digests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var findings = new ExportFindings();
        var exports = await DiscoverAsync(locations, findings, cancellationToken);
        if (exports.Count == 0)
        {
            findings.ReportExport("none", ViolationKind.ExportInvalid, $"no readable export (AWSDynamoDB/<export id>/manifest-summary.json) below {string.Join(", ", locations.Select(l => l.Root))}");
            return new ExportReport([], 0, 0, findings.Violations, findings.Notices);
        }

        var image = new TableImage(findings);
        var applied = new List<TableExport>();
        foreach (var export in Plan(exports, findings))
        {
            if (export.Kind == ExportKind.Full)
            {
                if (await StageFullAsync(export, findings, cancellationToken) is { } items)
                {
                    image.ApplyFull(export, items);
                    applied.Add(export);
                }
            }
            else if (await StageIncrementalAsync(export, findings, cancellationToken) is { } changes)
            {
                image.ApplyIncremental(export, changes);
                applied.Add(export);
            }
        }

        var asOf = applied.Select(e => e.Kind == ExportKind.Full ? e.ExportTime : e.ToTime).Max();
        var (chains, records) = await VerifyChainsAsync(image, digests, asOf, findings, cancellationToken);
        return new ExportReport(applied, chains, records, findings.Violations, findings.Notices);
    }

    private static async Task<List<TableExport>> DiscoverAsync(IReadOnlyList<ExportLocation> locations, ExportFindings findings, CancellationToken cancellationToken)
    {
        var exports = new List<TableExport>();
        var seen = new Dictionary<string, TableExport>(StringComparer.Ordinal);
        foreach (var location in locations)
        {
            foreach (var path in await DynamoDbExportReader.FindManifestsAsync(location, cancellationToken))
            {
                TableExport export;
                try
                {
                    export = await DynamoDbExportReader.ReadSummaryAsync(location, path, cancellationToken);
                }
                catch (ExportFormatException ex)
                {
                    findings.ReportExport(path.Split('/')[^2], ViolationKind.ExportInvalid, ex.Message);
                    continue;
                }

                if (seen.TryGetValue(export.ExportArn ?? export.ExportId, out var first))
                {
                    findings.Notice($"{location.Describe(path)} is export {export.ExportId} again (already read at {first.Location.Describe(first.ManifestPath)}); read once");
                    continue;
                }

                seen[export.ExportArn ?? export.ExportId] = export;
                exports.Add(export);
            }
        }

        return exports;
    }

    /// <summary>
    /// The order exports are applied in: the first full export (or, without one, the first
    /// incremental) and everything after it in time order; incremental exports that end before the
    /// first full export add nothing it does not hold, and are left out.
    /// </summary>
    private static List<TableExport> Plan(List<TableExport> exports, ExportFindings findings)
    {
        var ordered = DynamoDbExportReader.InTimeOrder(exports);
        if (ordered.FirstOrDefault(e => e.Kind == ExportKind.Full) is not { } firstFull)
        {
            return [.. ordered];
        }

        var plan = new List<TableExport> { firstFull };
        foreach (var export in ordered.Where(e => !ReferenceEquals(e, firstFull)))
        {
            if (export.Kind == ExportKind.Incremental && export.CoversTo <= firstFull.CoversTo)
            {
                findings.Notice($"{export} ends before {firstFull}, the first full export read, and is not applied");
                continue;
            }

            plan.Add(export);
        }

        return plan;
    }

    private static async Task<Dictionary<ItemKey, ImageItem>?> StageFullAsync(TableExport export, ExportFindings findings, CancellationToken cancellationToken)
    {
        var items = new Dictionary<ItemKey, ImageItem>();
        try
        {
            await foreach (var row in DynamoDbExportReader.ReadRowsAsync(export, cancellationToken))
            {
                var item = (ExportItem)row;
                if (ItemKey.Of(item.Item) is not { } key)
                {
                    findings.ReportExport(export.ExportId, ViolationKind.ExportInvalid, $"{row.Position}: the item has no string pk and sk");
                    continue;
                }

                var staged = new ImageItem(DynamoDbJsonConverter.Canonical(item.Item), export, row.File, row.Line, null);
                if (!items.TryAdd(key, staged))
                {
                    findings.ReportExport(export.ExportId, ViolationKind.ExportInvalid, $"{row.Position}: item {key} is also at {items[key].Position}");
                }
            }
        }
        catch (ExportFormatException ex)
        {
            NotApplied(export, ex, findings);
            return null;
        }

        return items;
    }

    private static async Task<Dictionary<ItemKey, StagedChange>?> StageIncrementalAsync(TableExport export, ExportFindings findings, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<ItemKey, StagedChange>();
        try
        {
            await foreach (var row in DynamoDbExportReader.ReadRowsAsync(export, cancellationToken))
            {
                var change = (ExportChange)row;
                if (ItemKey.Of(change.Keys) is not { } key)
                {
                    findings.ReportExport(export.ExportId, ViolationKind.ExportInvalid, $"{row.Position}: Keys has no string pk and sk");
                    continue;
                }

                if (change.NewImage is { } image && ItemKey.Of(image) != key)
                {
                    findings.ReportExport(export.ExportId, ViolationKind.ExportInvalid, $"{row.Position}: NewImage is not the item Keys names");
                    continue;
                }

                var newItem = change.NewImage is null ? null : new ImageItem(DynamoDbJsonConverter.Canonical(change.NewImage), export, row.File, row.Line, change.WriteTimestampMicros);
                var staged = new StagedChange(newItem, change.OldImage is null ? null : DynamoDbJsonConverter.Canonical(change.OldImage), change.WriteTimestampMicros, row.Position);
                if (changes.TryGetValue(key, out var other))
                {
                    // An export holds one row per changed item; two rows for one item must agree, and the later one stands.
                    if (other.NewItem?.Json is not { } a || staged.NewItem?.Json is not { } b || !a.AsSpan().SequenceEqual(b))
                    {
                        findings.ReportItem(key, ViolationKind.RecordChanged, $"has two different rows in {export}: {other.Position} and {row.Position}");
                    }

                    if (other.WrittenMicros > staged.WrittenMicros)
                    {
                        continue;
                    }
                }

                changes[key] = staged;
            }
        }
        catch (ExportFormatException ex)
        {
            NotApplied(export, ex, findings);
            return null;
        }

        return changes;
    }

    private static void NotApplied(TableExport export, ExportFormatException ex, ExportFindings findings)
    {
        findings.ReportExport(export.ExportId, ViolationKind.ExportInvalid, ex.Message);
        findings.Notice($"{export} cannot be read and is not applied");
    }

    private async Task<(int Chains, long Records)> VerifyChainsAsync(TableImage image, DigestVerification? digests, DateTimeOffset? asOf, ExportFindings findings, CancellationToken cancellationToken)
    {
        var chains = new SortedDictionary<string, List<(long Seq, ImageItem Item)>>(StringComparer.Ordinal);
        var directory = new SortedSet<string>(StringComparer.Ordinal);
        var others = new List<ItemKey>();
        foreach (var (key, item) in image.Items)
        {
            if (key.IsDirectoryEntry)
            {
                directory.Add(key.Sk);
            }
            else if (key.TryRecord(out var chainId, out var seq))
            {
                (chains.TryGetValue(chainId, out var list) ? list : chains[chainId] = []).Add((seq, item));
            }
            else
            {
                others.Add(key);
            }
        }

        if (others.Count > 0)
        {
            findings.Notice(string.Create(
                CultureInfo.InvariantCulture,
                $"{others.Count} items are neither chain records nor chain directory entries and are not verified (e.g. {others.Min(k => k.ToString())})"));
        }

        long records = 0;
        var beyond = 0;
        await Parallel.ForEachAsync(
            chains,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (chain, ct) =>
            {
                var (chainId, items) = (chain.Key, chain.Value);
                items.Sort((a, b) => a.Seq.CompareTo(b.Seq));
                var start = ChainHead.Genesis;
                if (!image.HasFullExport && items[0].Seq > 1)
                {
                    start = new ChainHead(items[0].Seq - 1, ToStored(items[0].Item).Record.PrevHash);
                    findings.Notice(string.Create(
                        CultureInfo.InvariantCulture,
                        $"chain '{chainId}' begins at seq {items[0].Seq} in these incremental exports: its link to seq {items[0].Seq - 1} is taken as given (no full export holds the records before it)"));
                }

                var lastSeq = items[^1].Seq;
                var committed = digests?.For(chainId) ?? [];
                // A digest made before the exports' point in time committed records the exports must
                // hold (a tail cut from them is found); a later digest only where they reach.
                var applicable = committed.Where(c => c.Seq <= lastSeq || MadeBy(c, asOf)).ToList();
                Interlocked.Add(ref beyond, committed.Count - applicable.Count);
                var result = await new ChainVerifier(_validator).VerifyAsync(chainId, Records(items, ct), applicable, null, start, ct);
                foreach (var violation in result.Violations)
                {
                    findings.Report(violation);
                }

                Interlocked.Add(ref records, result.RecordsChecked);
            });

        CheckDirectory(image, chains, directory, findings);
        if (digests is not null)
        {
            findings.Notice(string.Create(CultureInfo.InvariantCulture, $"chains held to the heads committed by {digests.Verified} verified digests"));
            if (beyond > 0)
            {
                findings.Notice(string.Create(CultureInfo.InvariantCulture, $"{beyond} digest commitments lie past the last record the exports hold of their chain and are not applied (digests made after the exports)"));
            }

            foreach (var (chainId, committed) in digests.Commitments.Where(c => !chains.ContainsKey(c.Key)))
            {
                if (committed.Where(c => MadeBy(c, asOf)).MaxBy(c => c.Seq) is { } head)
                {
                    findings.Report(new ChainViolation(chainId, head.Seq, ViolationKind.HeadMismatch, $"{head.Source} committed the chain at seq {head.Seq} before the exports' point in time, but the exports hold none of its records"));
                }
            }

            var absent = digests.Commitments.Where(c => !chains.ContainsKey(c.Key) && !c.Value.Any(x => MadeBy(x, asOf))).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
            if (absent.Count > 0)
            {
                findings.Notice($"digests commit chains the exports do not hold (created after the exports, or not in them): {string.Join(", ", absent.Take(10))}{(absent.Count > 10 ? ", ..." : string.Empty)}");
            }
        }

        return (chains.Count, records);
    }

    private static bool MadeBy(ChainCommitment commitment, DateTimeOffset? asOf) =>
        commitment.At is { } at && asOf is { } time && at <= time;

    private static void CheckDirectory(TableImage image, SortedDictionary<string, List<(long Seq, ImageItem Item)>> chains, SortedSet<string> directory, ExportFindings findings)
    {
        foreach (var (chainId, items) in chains)
        {
            if (directory.Contains(chainId))
            {
                continue;
            }

            if (image.HasFullExport)
            {
                findings.Report(new ChainViolation(chainId, items[0].Seq, ViolationKind.MissingDirectoryEntry, "the exports hold records of this chain but the chain directory in them does not list it"));
            }
            else if (items[0].Seq == 1)
            {
                findings.Notice($"chain '{chainId}' starts in these incremental exports but its chain directory entry is not in them (it may have been written just before them)");
            }
        }

        if (image.HasFullExport)
        {
            foreach (var chainId in directory.Where(id => !chains.ContainsKey(id)))
            {
                findings.Notice($"chain '{chainId}' is listed in the chain directory but has no record in the exports");
            }
        }
    }

    private static StoredRecord ToStored(ImageItem item) => AuditItemMapper.ToStoredRecord(DynamoDbJsonConverter.FromCanonical(item.Json));

    private static async IAsyncEnumerable<StoredRecord> Records(List<(long Seq, ImageItem Item)> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (_, item) in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.CompletedTask;
            yield return ToStored(item);
        }
    }
}
