namespace PaymentAudit.Core.Chain;

/// <summary>Kinds of tampering or damage that chain verification detects.</summary>
public enum ViolationKind
{
    /// <summary>The stored hash does not match the body and prevHash: the record was edited.</summary>
    HashMismatch,

    /// <summary>prevHash does not match the previous record's hash: a record was inserted, removed, reordered or forked.</summary>
    BrokenLink,

    /// <summary>Sequence numbers skip: records are missing.</summary>
    Gap,

    /// <summary>The body names another chain or position than its keys: records were moved or swapped.</summary>
    BodyMismatch,

    /// <summary>An attribute beside the body disagrees with it: the attribute was edited.</summary>
    AttributeMismatch,

    /// <summary>The body is not in canonical form or cannot be read.</summary>
    UnreadableBody,

    /// <summary>
    /// A head committed outside the table (index manifest, signed digest) is not in the chain as
    /// committed: records were removed from the end, or the chain was rewritten after the commitment.
    /// </summary>
    HeadMismatch,

    /// <summary>The same event id is accepted at two positions: an event stored twice.</summary>
    DuplicateEvent,

    /// <summary>A chain known from a commitment (index manifest, digest) is missing from the chain directory.</summary>
    MissingDirectoryEntry,

    /// <summary>An accepted record has no entry in the event index.</summary>
    MissingEventIndexEntry,

    /// <summary>An event index entry points at something that is not the accepted record of that event id.</summary>
    OrphanedEventIndexEntry,

    /// <summary>The history index lacks a row a committed record gives.</summary>
    MissingHistoryRow,

    /// <summary>The history index holds a row no record gives, or a segment that differs from its manifest.</summary>
    OrphanedHistoryRow,

    /// <summary>A quarantined record's archived payload is missing, or its content no longer hashes as recorded.</summary>
    MissingArchivedPayload,

    /// <summary>A digest's signature does not verify, or the digest is unreadable, not canonical, or stored under another key.</summary>
    DigestInvalid,

    /// <summary>A digest does not link to the one before it (key, SHA-256 or signature differ).</summary>
    DigestLinkBroken,

    /// <summary>No digest covers a period: one was deleted or never made.</summary>
    DigestMissing,

    /// <summary>A table export records the deletion of an item, or an item an earlier export held is gone from a later one.</summary>
    RecordDeleted,

    /// <summary>A table export holds an item whose content differs from what an earlier export held under the same key.</summary>
    RecordChanged,

    /// <summary>Table exports do not cover time without a break: changes in the gap are in no export, or an export lacks items written in the time it covers.</summary>
    ExportGap,

    /// <summary>A table export cannot be read: a file is missing, malformed, or does not match its manifest (checksum, item count).</summary>
    ExportInvalid,
}
