using System.Text.Json.Serialization;

namespace PaymentAudit.Writer.Sqs;

/// <summary>System attributes of an SQS message; Lambda sends them all as strings.</summary>
public sealed record SqsMessageAttributes(
    [property: JsonPropertyName("MessageGroupId")] string? MessageGroupId,
    [property: JsonPropertyName("ApproximateReceiveCount")] string? ApproximateReceiveCount,
    [property: JsonPropertyName("SequenceNumber")] string? SequenceNumber,
    [property: JsonPropertyName("MessageDeduplicationId")] string? MessageDeduplicationId);
