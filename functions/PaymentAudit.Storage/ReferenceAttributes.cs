using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;

namespace PaymentAudit.Storage;

/// <summary>The attribute values all payment-record index items of one chain record have in common.</summary>
public sealed class ReferenceAttributes
{
    /// <summary>Builds the shared values of <paramref name="record"/>.</summary>
    public ReferenceAttributes(ChainRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        SortKey = AuditItemMapper.S(AuditKeys.PaymentRecordAccess(record.Seed.Timestamp, record.ChainId, record.Seq));
        ChainId = AuditItemMapper.S(record.ChainId);
        Seq = AuditItemMapper.N(record.Seq);
        AccessedBy = AuditItemMapper.S(record.Seed.UserId);
        AccessedAt = AuditItemMapper.S(record.Seed.Timestamp);
        QueryResult = AuditItemMapper.S(record.Seed.QueryResult);
        EventId = record.EventId is null ? null : AuditItemMapper.S(record.EventId);
        EventType = record.EventType is null ? null : AuditItemMapper.S(record.EventType);
    }

    internal AttributeValue SortKey { get; }

    internal AttributeValue ChainId { get; }

    internal AttributeValue Seq { get; }

    internal AttributeValue AccessedBy { get; }

    internal AttributeValue AccessedAt { get; }

    internal AttributeValue QueryResult { get; }

    internal AttributeValue? EventId { get; }

    internal AttributeValue? EventType { get; }
}
