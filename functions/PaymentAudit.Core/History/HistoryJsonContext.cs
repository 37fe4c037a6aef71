using System.Text.Json.Serialization;

namespace PaymentAudit.Core.History;

/// <summary>Source-generated JSON for the manifest and segment rows (no reflection; trimming- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(HistoryManifest))]
[JsonSerializable(typeof(HistoryRow))]
internal sealed partial class HistoryJsonContext : JsonSerializerContext;
