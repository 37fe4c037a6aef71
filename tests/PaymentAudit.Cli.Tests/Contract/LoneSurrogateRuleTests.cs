using System.Text.Json.Nodes;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Contract;

/// <summary>The published schema states the rule the validator applies to lone UTF-16 surrogates.</summary>
public sealed class LoneSurrogateRuleTests
{
    [Fact]
    public void SchemaDescription_StatesTheLoneSurrogateRule_ThatTheValidatorApplies()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "schema", "audit-event.v1.schema.json")))!;
        var json = Some.Json(Some.AccessEvent()).Replace("refund review", "refund \\ud800review", StringComparison.Ordinal);

        var rejection = new AuditEventValidator().Validate(json).Rejection;

        rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.InvalidField);
        var description = schema["description"]!.GetValue<string>();
        description.ShouldContain("lone UTF-16 surrogate");
        description.ShouldContain(rejection.CodeName);
    }
}
