using System.Text.Json.Serialization;

namespace PaymentAudit.Core.Contract;

/// <summary>Source-generated JSON metadata for the contract (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditEvent))]
public sealed partial class AuditEventJsonContext : JsonSerializerContext;
