using System.Text.Json.Serialization;

namespace PaymentAudit.Writer.Sqs;

/// <summary>Source-generated JSON for the SQS event and the batch response (no reflection, trimming-safe).</summary>
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(SqsBatchResponse))]
public sealed partial class SqsJsonContext : JsonSerializerContext;
