using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>The Node script applications can copy: one verdict line per sample, named relative to its argument.</summary>
public sealed class ValidateScriptTests
{
    [Fact]
    public void Run_SingleFile_PrintsOneVerdictNamedByTheFile()
    {
        var file = Path.Combine(CorpusSample.Folder, "invalid", "missing_field__actor.json");

        var verdicts = AjvVerdicts.Run(file);

        verdicts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.Name.ShouldBe("missing_field__actor.json"),
            v => v.Valid.ShouldBeFalse(),
            v => v.Errors.ShouldContain("/ must have required property 'actor'"));
    }

    [Fact]
    public void Run_SampleThatIsNotJson_IsInvalidWithANotJsonError()
    {
        var file = Path.Combine(CorpusSample.Folder, "invalid", "not_json__truncated-object.json");

        var verdict = AjvVerdicts.Run(file).ShouldHaveSingleItem();

        verdict.Valid.ShouldBeFalse();
        verdict.Errors.ShouldHaveSingleItem().ShouldStartWith("not JSON: ");
    }

    [Fact]
    public void Run_ValidSample_HasNoErrors()
    {
        var file = RepositoryRoot.Combine("tests", "PaymentAudit.Core.Tests", "Schema", "Corpus", "valid", "payment-processed.json");

        var verdict = AjvVerdicts.Run(file).ShouldHaveSingleItem();

        verdict.ShouldBe(verdict with { Valid = true });
        verdict.Errors.ShouldBeEmpty();
    }
}
