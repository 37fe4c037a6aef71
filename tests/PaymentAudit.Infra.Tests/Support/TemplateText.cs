using System.Text.Json.Nodes;

namespace PaymentAudit.Infra.Tests.Support;

/// <summary>
/// Renders a template value that may hold intrinsic functions as text: <c>Ref</c> as
/// <c>&lt;LogicalId&gt;</c>, <c>Fn::GetAtt</c> as <c>&lt;LogicalId.Attribute&gt;</c> (hash suffixes
/// dropped), <c>Fn::Join</c> concatenated, pseudo parameters as <c>&lt;AWS::Region&gt;</c>.
/// </summary>
public static class TemplateText
{
    /// <summary>The text of <paramref name="node"/>.</summary>
    public static string Render(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        JsonObject { Count: 1 } reference when reference["Ref"] is JsonValue id => $"<{PolicyStatementInTemplate.WithoutHash(id.GetValue<string>())}>",
        JsonObject { Count: 1 } reference when reference["Fn::GetAtt"] is JsonArray and [JsonValue id, JsonValue attribute] =>
            $"<{PolicyStatementInTemplate.WithoutHash(id.GetValue<string>())}.{attribute.GetValue<string>()}>",
        JsonObject { Count: 1 } join when join["Fn::Join"] is JsonArray and [JsonValue separator, JsonArray parts] =>
            string.Join(separator.GetValue<string>(), parts.Select(Render)),
        _ => node?.ToJsonString() ?? "",
    };
}
