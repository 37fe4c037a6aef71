using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaymentAudit.Http.Responses;

/// <summary>Source-generated JSON of the response bodies (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcceptedEvent))]
[JsonSerializable(typeof(Problem))]
[JsonSerializable(typeof(BatchAnswer))]
internal sealed partial class HttpJsonContext : JsonSerializerContext;
