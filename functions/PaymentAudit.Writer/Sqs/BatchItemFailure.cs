using System.Text.Json.Serialization;

namespace PaymentAudit.Writer.Sqs;

/// <summary>A message the function could not process; Lambda leaves it in the queue.</summary>
public sealed record BatchItemFailure([property: JsonPropertyName("itemIdentifier")] string ItemIdentifier);
