using System.Text.Json.Nodes;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>The limits the schema publishes are the ones the validator applies by default.</summary>
public sealed class PublishedSchemaTests
{
    private static readonly JsonNode Schema =
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("schema", "audit-event.v1.schema.json")))!;

    [Fact]
    public void Schema_RecordIdLimits_MatchTheValidatorDefaults()
    {
        var properties = Schema["properties"]!;

        properties["query"]!["properties"]!["recordIds"]!["maxItems"]!.GetValue<int>().ShouldBe(ValidationLimits.Default.MaxQueryRecordIds);
        properties["response"]!["properties"]!["recordIds"]!["maxItems"]!.GetValue<int>().ShouldBe(ValidationLimits.Default.MaxResponseRecordIds);
    }

    [Fact]
    public void Schema_TextAndIdentifierLimits_MatchTheValidatorDefaults()
    {
        var defs = Schema["$defs"]!;

        defs["text"]!["maxLength"]!.GetValue<int>().ShouldBe(ValidationLimits.Default.MaxTextLength);
        defs["identifier"]!["pattern"]!.GetValue<string>().ShouldBe($"^[!-~]{{1,{ValidationLimits.Default.MaxIdentifierLength}}}$");
    }

    [Fact]
    public void Schema_Description_StatesTheByteLimitTheValidatorApplies()
    {
        var description = Schema["description"]!.GetValue<string>();

        description.ShouldContain($"must not exceed {ValidationLimits.Default.MaxEventBytes} UTF-8 bytes");
    }

    [Fact]
    public void Schema_Description_StatesTheCardNumberRuleAndWhatAPanDoesToAnEvent()
    {
        var description = Schema["description"]!.GetValue<string>();

        description.ShouldContain("Luhn");
        description.ShouldContain("issuer range");
        description.ShouldContain("masked");
        description.ShouldContain("forbidden_content");
        description.ShouldContain("docs/card-numbers.md");
    }

    [Fact]
    public void Schema_Version_IsTheOneTheContractCarries()
    {
        Schema["properties"]!["schemaVersion"]!["const"]!.GetValue<int>().ShouldBe(AuditEvent.CurrentSchemaVersion);
    }

    [Fact]
    public void EmbeddedSchema_IsTheCommittedFile()
    {
        using var stream = typeof(AuditEvent).Assembly.GetManifestResourceStream("PaymentAudit.Core.audit-event.v1.schema.json");
        using var reader = new StreamReader(stream.ShouldNotBeNull());

        reader.ReadToEnd().ShouldBe(File.ReadAllText(RepositoryRoot.Combine("schema", "audit-event.v1.schema.json")));
    }
}
