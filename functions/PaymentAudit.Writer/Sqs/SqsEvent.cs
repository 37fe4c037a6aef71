using System.Text.Json.Serialization;

namespace PaymentAudit.Writer.Sqs;

/// <summary>The event Lambda's SQS event source mapping passes to the function.</summary>
public sealed record SqsEvent([property: JsonPropertyName("Records")] IReadOnlyList<SqsMessage> Records);
