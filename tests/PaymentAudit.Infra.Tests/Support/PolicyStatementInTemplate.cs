using System.Text.Json.Nodes;

namespace PaymentAudit.Infra.Tests.Support;

/// <summary>One statement found anywhere in a template, with the resource that holds it.</summary>
/// <param name="LogicalId">Logical id of the resource holding the policy document.</param>
/// <param name="ResourceType">CloudFormation type of that resource.</param>
/// <param name="Statement">The statement JSON.</param>
public sealed record PolicyStatementInTemplate(string LogicalId, string ResourceType, JsonObject Statement)
{
    /// <summary>Allow or Deny.</summary>
    public string Effect => Statement[nameof(Effect)]!.GetValue<string>();

    /// <summary>Statement id, or empty.</summary>
    public string Sid => Statement[nameof(Sid)]?.GetValue<string>() ?? "";

    /// <summary>Actions, whether written as a string or a list.</summary>
    public IReadOnlyList<string> Actions => Strings(Statement["Action"]);

    /// <summary>Literal string resources (intrinsic-function resources are never "*").</summary>
    public IReadOnlyList<string> LiteralResources => Strings(Statement["Resource"]);

    /// <summary>True when the statement only applies to requests without TLS.</summary>
    public bool IsTlsOnlyDeny =>
        Effect == "Deny" && Statement["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false";

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")],
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
