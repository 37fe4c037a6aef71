using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>
/// The published JSON Schema (checked by ajv, as applications in other languages would check it)
/// and <see cref="AuditEventValidator"/> give the same verdict on every sample of the corpus.
/// </summary>
public sealed class SchemaAgreementTests(AjvVerdicts ajv) : IClassFixture<AjvVerdicts>
{
    private readonly AuditEventValidator _validator = new();

    public static TheoryData<string> AgreementSet => [.. CorpusSample.Names(CorpusSample.Valid, CorpusSample.Invalid)];

    public static TheoryData<string> BeyondSchemaSet => [.. CorpusSample.Names(CorpusSample.BeyondSchema)];

    public static TheoryData<string> RedactedSet => [.. CorpusSample.Names(CorpusSample.Redacted)];

    [Theory]
    [MemberData(nameof(AgreementSet))]
    public void Sample_InTheAgreementSet_GetsItsRecordedVerdictFromAjvAndFromTheValidator(string name)
    {
        var sample = new CorpusSample(name);
        var expectedValid = sample.Kind == CorpusSample.Valid;

        var schemaVerdict = ajv.ByName[name];
        var validatorVerdict = _validator.Validate(sample.ReadText());

        schemaVerdict.Valid.ShouldBe(expectedValid, $"ajv: {string.Join("; ", schemaVerdict.Errors)}");
        validatorVerdict.IsValid.ShouldBe(expectedValid, $"validator: {validatorVerdict.Rejection}");
        validatorVerdict.Rejection?.CodeName.ShouldBe(sample.ExpectedCode, validatorVerdict.Rejection.Reason);
    }

    [Theory]
    [MemberData(nameof(BeyondSchemaSet))]
    public void Sample_BeyondTheSchema_IsRefusedByTheValidatorUnderItsRecordedCode(string name)
    {
        var sample = new CorpusSample(name);

        var validatorVerdict = _validator.Validate(sample.ReadText());

        validatorVerdict.IsValid.ShouldBeFalse("the validator accepted it");
        validatorVerdict.Rejection.CodeName.ShouldBe(sample.ExpectedCode, validatorVerdict.Rejection.Reason);
    }

    [Theory]
    [MemberData(nameof(BeyondSchemaSet))]
    public void Sample_BeyondTheSchema_IsAcceptedByTheSchemaSoOnlyThatRuleRefusesIt(string name)
    {
        var schemaVerdict = ajv.ByName[name];

        schemaVerdict.Valid.ShouldBeTrue(string.Join("; ", schemaVerdict.Errors));
    }

    [Theory]
    [MemberData(nameof(RedactedSet))]
    public void Sample_WithACardNumber_IsAcceptedByTheSchemaAndByTheValidatorWithTheFieldMasked(string name)
    {
        var sample = new CorpusSample(name);

        var schemaVerdict = ajv.ByName[name];
        var validatorVerdict = _validator.Validate(sample.ReadText());

        schemaVerdict.Valid.ShouldBeTrue(string.Join("; ", schemaVerdict.Errors));
        validatorVerdict.IsValid.ShouldBeTrue(validatorVerdict.Rejection?.ToString());
        validatorVerdict.Redactions.ShouldBe([sample.ExpectedRedaction!]);
    }

    [Fact]
    public void Corpus_EverySample_GotAVerdictFromAjv()
    {
        var samples = CorpusSample.Names(CorpusSample.Valid, CorpusSample.Invalid, CorpusSample.BeyondSchema, CorpusSample.Redacted);

        ajv.ByName.Keys.Order(StringComparer.Ordinal).ShouldBe(samples);
    }

    [Fact]
    public void Corpus_RefusedSamples_CoverEveryValidatorRejectionCodeExceptOversize()
    {
        var codes = CorpusSample.Names(CorpusSample.Invalid, CorpusSample.BeyondSchema)
            .Select(name => new CorpusSample(name).ExpectedCode)
            .ToHashSet();

        var expected = Enum.GetValues<RejectionCode>()
            // Oversize needs a 64 KiB sample; conflicting_duplicate is the writer's verdict, not the validator's.
            .Where(code => code is not (RejectionCode.Oversize or RejectionCode.ConflictingDuplicate))
            .Select(code => new Rejection(code, string.Empty).CodeName);
        codes.ShouldBeSubsetOf(expected.ToHashSet());
        expected.ShouldBeSubsetOf(codes);
    }

    [Fact]
    public void Corpus_AgreementSet_HoldsEnoughOfBothVerdicts()
    {
        CorpusSample.Names(CorpusSample.Valid).Count().ShouldBeGreaterThanOrEqualTo(20);
        CorpusSample.Names(CorpusSample.Invalid).Count().ShouldBeGreaterThanOrEqualTo(80);
    }
}
