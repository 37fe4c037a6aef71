using System.Text.Json.Serialization;

namespace PaymentAudit.Writer.Sqs;

/// <summary>The partial batch response (ReportBatchItemFailures): messages listed here stay in the queue.</summary>
public sealed record SqsBatchResponse([property: JsonPropertyName("batchItemFailures")] IReadOnlyList<BatchItemFailure> BatchItemFailures);
