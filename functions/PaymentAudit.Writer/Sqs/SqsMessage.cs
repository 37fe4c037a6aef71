using System.Text.Json.Serialization;

namespace PaymentAudit.Writer.Sqs;

/// <summary>One SQS message in a Lambda event (only the fields the writer uses).</summary>
public sealed record SqsMessage(
    [property: JsonPropertyName("messageId")] string MessageId,
    [property: JsonPropertyName("body")] string? Body,
    [property: JsonPropertyName("attributes")] SqsMessageAttributes? Attributes);
