namespace PaymentAudit.Infra.Tests.Support;

/// <summary>
/// The one reviewed list of wildcard resources, each with its reason: where a policy statement may
/// name the resource <c>"*"</c> (because AWS requires it), and which Allow statements may name an
/// ARN ending in a wildcard (object keys or ids chosen at run time). The IAM tests fail on any other
/// wildcard resource and on any entry here that no longer matches anything.
/// </summary>
public static class WildcardResourceAllowances
{
    /// <summary>Resource types whose own policy documents may use <c>"*"</c>, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> ByResourceType { get; } = new Dictionary<string, string>
    {
        ["AWS::KMS::Key"] =
            "A key policy is attached to one key and KMS only accepts \"*\" as its Resource: it means this key.",
        ["AWS::DynamoDB::GlobalTable"] =
            "The table's resource policy (deny update/delete to everyone) cannot name the table's own ARN without a " +
            "circular reference; in a resource policy \"*\" means the table it is attached to.",
        ["AWS::Backup::BackupVault"] =
            "The vault access policy that denies deleting recovery points applies to the vault's recovery points, " +
            "which do not exist yet when the policy is written; \"*\" means everything in this vault.",
    };

    /// <summary>Allow statements that may name an ARN ending in a wildcard, with the reason.</summary>
    public static IReadOnlyList<WildcardArnAllowance> ArnPatterns { get; } =
    [
        new(
            "WriterPolicy",
            "<ArchiveBucket.Arn>/quarantine/*",
            "The writer archives each large quarantined payload under quarantine/<SHA-256 of the payload>, a key known only " +
            "at run time. It may only put objects there (no read, no delete, no other prefix), and Object Lock keeps every version."),
        new(
            "IndexerPolicy",
            "<ArchiveBucket.Arn>/history/*",
            "The history index's segment keys carry the run's generation, known only at run time. The indexer may read and " +
            "put objects under history/ only (no delete), and Object Lock keeps every version of the manifest and the segments."),
        new(
            "DigestPolicy",
            "<ArchiveBucket.Arn>/digests/*",
            "Digest keys carry the time of the run that wrote them (digests/<env>/YYYY/MM/DD/HHmmss.json), known only at run " +
            "time. The digest function may read objects under digests/ and create new ones there only with If-None-Match " +
            "(never replace one; no delete), and Object Lock keeps every version."),
        new(
            "AccessAuditorPolicy",
            "<ArchiveBucket.Arn>/history/*",
            "query and verify read the history index's manifest and segments, whose keys carry the indexer run's generation. " +
            "GetObject only, under history/ of the one archive bucket."),
        new(
            "AccessAuditorPolicy",
            "<ArchiveBucket.Arn>/quarantine/*",
            "verify reads each archived payload under quarantine/<SHA-256 of the payload> named by a quarantined record, " +
            "known only at run time. GetObject only, under quarantine/ of the one archive bucket."),
        new(
            "AccessAuditorPolicy",
            "<ArchiveBucket.Arn>/exports/*",
            "Auditors read the export copies, whose keys DynamoDB generates (exports/<kind>/<date>/AWSDynamoDB/<export id>/...). " +
            "GetObject only, under exports/ of the one archive bucket."),
        new(
            "AccessAuditorPolicy",
            "<ArchiveBucket.Arn>/digests/*",
            "Auditors read the signed chain-head digests, one object per digest run, named at run time. GetObject only, " +
            "under digests/ of the one archive bucket."),
        new(
            "ExportStateMachinePolicy",
            "<ArchiveExportStagingBucket.Arn>/exports/*",
            "DynamoDB names the export objects itself and writes them with the caller's permissions: put and abort-upload only, " +
            "under exports/ of the staging bucket."),
        new(
            "ExportStateMachinePolicy",
            "<Table.Arn>/export/*",
            "Export ARNs carry an id DynamoDB chooses when the export starts; only DescribeExport is allowed on them."),
        new(
            "ExportCopyPolicy",
            "<ArchiveExportStagingBucket.Arn>/exports/*",
            "S3 replication reads the export objects, whose keys DynamoDB generates, for replication only."),
        new(
            "ExportCopyPolicy",
            "<ArchiveBucket.Arn>/exports/*",
            "S3 replication writes each copy under the same generated key in the archive; replicate only, no delete."),
        new(
            "ArchiveAccessLogBucketPolicy",
            "<ArchiveAccessLogBucket.Arn>/archive/*",
            "S3 server access logging writes log objects with generated names under archive/; the statement names only the " +
            "logging service, for the archive bucket (aws:SourceArn) in this account (aws:SourceAccount)."),
        new(
            "ArchiveAccessLogBucketPolicy",
            "<ArchiveAccessLogBucket.Arn>/export-staging/*",
            "S3 server access logging writes log objects with generated names under export-staging/; the statement names only " +
            "the logging service, for the staging bucket (aws:SourceArn) in this account (aws:SourceAccount)."),
    ];
}
