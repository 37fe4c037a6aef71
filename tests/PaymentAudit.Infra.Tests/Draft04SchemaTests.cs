using System.Text.Json.Nodes;
using PaymentAudit.Core.Contract;
using PaymentAudit.Infra.HttpApi;

namespace PaymentAudit.Infra.Tests;

/// <summary>The derivation of the HTTP API's draft-04 models from the published draft 2020-12 schema (no CDK).</summary>
public sealed class Draft04SchemaTests
{
    private static JsonObject Published()
    {
        using var stream = typeof(AuditEvent).Assembly.GetManifestResourceStream("PaymentAudit.Core.audit-event.v1.schema.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static IEnumerable<(string Key, JsonNode? Value)> Walk(JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(pair => Walk(pair.Value).Prepend((pair.Key, pair.Value))),
        JsonArray list => list.SelectMany(Walk),
        _ => [],
    };

    [Fact]
    public void Derive_PublishedSchema_DropsNothing()
    {
        var derivation = Draft04Schema.Derive(Published());

        derivation.Dropped.ShouldBeEmpty();
    }

    [Fact]
    public void Derive_PublishedSchema_UsesOnlyDraft04Keywords()
    {
        var keys = Walk(Draft04Schema.Derive(Published()).Schema).Select(pair => pair.Key).ToHashSet();

        keys.ShouldNotContain("$defs");
        keys.ShouldNotContain("$ref");
        keys.ShouldNotContain("$id");
        keys.ShouldNotContain("const");
        keys.ShouldNotContain("if");
        keys.ShouldNotContain("then");
        keys.ShouldNotContain("else");
    }

    [Fact]
    public void Derive_PublishedSchema_DeclaresDraft04()
    {
        Draft04Schema.Derive(Published()).Schema["$schema"]!.GetValue<string>().ShouldBe("http://json-schema.org/draft-04/schema#");
    }

    [Fact]
    public void Derive_Const_BecomesAOneValueEnum()
    {
        var schema = Draft04Schema.Derive(Published()).Schema;

        schema["properties"]!["schemaVersion"]!.ToJsonString().ShouldBe("{\"enum\":[1]}");
    }

    [Fact]
    public void Derive_ReferenceToADefinition_IsReplacedByTheDefinition()
    {
        var published = Published();
        var schema = Draft04Schema.Derive(published).Schema;

        schema["properties"]!["actor"]!["properties"]!["id"]!.ToJsonString().ShouldBe(published["$defs"]!["identifier"]!.ToJsonString());
    }

    [Fact]
    public void Derive_IfThenElse_BecomesAnyOfTheTwoBranches()
    {
        var source = JsonNode.Parse("""
            {"if":{"properties":{"kind":{"const":"a"}},"required":["kind"]},"then":{"required":["x"]},"else":{"required":["y"]}}
            """)!.AsObject();

        var schema = Draft04Schema.Derive(source).Schema;

        schema["allOf"]!.ToJsonString().ShouldBe(
            "[{\"anyOf\":[{\"allOf\":[{\"properties\":{\"kind\":{\"enum\":[\"a\"]}},\"required\":[\"kind\"]},{\"required\":[\"x\"]}]},"
            + "{\"allOf\":[{\"not\":{\"properties\":{\"kind\":{\"enum\":[\"a\"]}},\"required\":[\"kind\"]}},{\"required\":[\"y\"]}]}]}]");
    }

    [Fact]
    public void Derive_DependentRequired_BecomesDependencies()
    {
        var source = JsonNode.Parse("""{"dependentRequired":{"a":["b"]}}""")!.AsObject();

        Draft04Schema.Derive(source).Schema["dependencies"]!.ToJsonString().ShouldBe("{\"a\":[\"b\"]}");
    }

    [Fact]
    public void Derive_KeywordDraft04CannotSay_IsDroppedAndReported()
    {
        var source = JsonNode.Parse("""{"type":"object","unevaluatedProperties":false,"properties":{"t":{"type":"string","format":"uuid"}}}""")!.AsObject();

        var derivation = Draft04Schema.Derive(source);

        derivation.Dropped.ShouldBe(["#/unevaluatedProperties (needs draft 2019-09 annotation collection)", "#/properties/t/format ('uuid' is not a draft-04 format)"]);
        derivation.Schema.ContainsKey("unevaluatedProperties").ShouldBeFalse();
    }

    [Fact]
    public void Derive_UnknownKeyword_FailsInsteadOfDroppingIt()
    {
        var source = JsonNode.Parse("""{"type":"object","$dynamicRef":"#meta"}""")!.AsObject();

        Should.Throw<NotSupportedException>(() => Draft04Schema.Derive(source)).Message.ShouldContain("$dynamicRef");
    }

    [Fact]
    public void ForBatch_IsAnArrayOfOneToTenEvents()
    {
        var single = Draft04Schema.Derive(Published()).Schema;

        var batch = Draft04Schema.ForBatch(single, 10, "batch");

        batch["type"]!.GetValue<string>().ShouldBe("array");
        batch["minItems"]!.GetValue<int>().ShouldBe(1);
        batch["maxItems"]!.GetValue<int>().ShouldBe(10);
        batch["items"]!["properties"]!.ToJsonString().ShouldBe(single["properties"]!.ToJsonString());
        batch["items"]!.AsObject().ContainsKey("$schema").ShouldBeFalse();
    }
}
