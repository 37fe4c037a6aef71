using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PaymentAudit.Infra.Tests.Support;

/// <summary>One statement found anywhere in a template, with the resource that holds it.</summary>
/// <param name="LogicalId">Logical id of the resource holding the policy document.</param>
/// <param name="ResourceType">CloudFormation type of that resource.</param>
/// <param name="Statement">The statement JSON.</param>
public sealed partial record PolicyStatementInTemplate(string LogicalId, string ResourceType, JsonObject Statement)
{
    /// <summary>Allow or Deny.</summary>
    public string Effect => Statement[nameof(Effect)]!.GetValue<string>();

    /// <summary>Statement id, or empty.</summary>
    public string Sid => Statement[nameof(Sid)]?.GetValue<string>() ?? "";

    /// <summary>Actions, whether written as a string or a list.</summary>
    public IReadOnlyList<string> Actions => Strings(Statement["Action"]);

    /// <summary>Literal string resources (intrinsic-function resources are never "*").</summary>
    public IReadOnlyList<string> LiteralResources => Strings(Statement["Resource"]);

    /// <summary>
    /// Every resource as text: literals as written, references as <c>&lt;LogicalId&gt;</c> or
    /// <c>&lt;LogicalId.Attribute&gt;</c> without CDK's 8-character hash suffix, joins concatenated.
    /// E.g. <c>&lt;ArchiveBucket.Arn&gt;/history/*</c>.
    /// </summary>
    public IReadOnlyList<string> RenderedResources => Statement["Resource"] switch
    {
        null => [],
        JsonArray array => [.. array.Select(Render)],
        var single => [Render(single)],
    };

    /// <summary>
    /// One line naming what the statement allows or denies: <c>Sid: actions on resources</c>, actions
    /// sorted, resources rendered (<see cref="RenderedResources"/>), and <c>when {condition}</c> if it
    /// has one. Tests compare a role's statements line by line.
    /// </summary>
    public string Summary =>
        $"{Sid}: {string.Join(", ", Actions.Order(StringComparer.Ordinal))} on {string.Join(", ", RenderedResources)}"
        + (Statement["Condition"] is { } condition ? $" when {condition.ToJsonString()}" : "");

    /// <summary>True when the statement only applies to requests without TLS.</summary>
    public bool IsTlsOnlyDeny =>
        Effect == "Deny" && Statement["Condition"]?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false";

    /// <summary>A logical id without the hash suffix CDK appends, e.g. <c>ArchiveBucket49F1AC64</c> to <c>ArchiveBucket</c>.</summary>
    public static string WithoutHash(string logicalId) => HashSuffix().Replace(logicalId, "");

    private static string Render(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject { Count: 1 } reference when reference["Ref"] is JsonValue id => $"<{WithoutHash(id.GetValue<string>())}>",
        JsonObject { Count: 1 } reference when reference["Fn::GetAtt"] is JsonArray and [JsonValue id, JsonValue attribute] =>
            $"<{WithoutHash(id.GetValue<string>())}.{attribute.GetValue<string>()}>",
        JsonObject { Count: 1 } join when join["Fn::Join"] is JsonArray and [JsonValue separator, JsonArray parts] =>
            string.Join(separator.GetValue<string>(), parts.Select(Render)),
        _ => node?.ToJsonString() ?? "",
    };

    private static List<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text) ? text : "")],
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex("[0-9A-F]{8}$")]
    private static partial Regex HashSuffix();
}
