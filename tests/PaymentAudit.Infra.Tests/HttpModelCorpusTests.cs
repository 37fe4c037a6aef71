using System.Diagnostics;
using System.Text.Json.Nodes;
using PaymentAudit.Core.Validation;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>
/// What the HTTP API's request model lets through, measured on the schema corpus of the Core tests:
/// the deployed draft-04 model (taken from the synthesized template) is run over every sample with
/// ajv's draft-04 class (<c>node schema/validate.mjs --schema</c>) and compared with the writer's
/// validator. The model must accept everything the validator accepts; what it accepts that the
/// validator refuses reaches the queue and is quarantined by the writer, the final judge.
/// </summary>
[Collection(SharedSynthesis.Name)]
public sealed class HttpModelCorpusTests(SynthesizedApp app)
{
    /// <summary>
    /// Refused by the validator, accepted by the model: the rules the published schema states in
    /// prose only (card numbers in the event id, duplicate member names, lone surrogates). Draft-04
    /// loses nothing the 2020-12 schema says, so this is exactly the corpus's beyond-schema set.
    /// </summary>
    private static readonly string[] PassedByTheModelOnly =
    [
        "beyond-schema/duplicate_field__actor-id.json",
        "beyond-schema/duplicate_field__event-id.json",
        "beyond-schema/forbidden_content__amex-as-event-id.json",
        "beyond-schema/forbidden_content__pan-glued-into-event-id.json",
        "beyond-schema/forbidden_content__pan-with-dots-as-event-id.json",
        "beyond-schema/invalid_field__lone-surrogate-in-description.json",
    ];

    private static string CorpusFolder(RepositoryLayout layout) =>
        Path.Combine(layout.Root, "tests", "PaymentAudit.Core.Tests", "Schema", "Corpus");

    [Fact]
    public void Model_AcceptsEverySampleTheValidatorAccepts()
    {
        var (model, validator) = Verdicts();

        var refusedByModelOnly = validator.Where(pair => pair.Value && !model[pair.Key]).Select(pair => pair.Key);

        refusedByModelOnly.ShouldBeEmpty();
    }

    [Fact]
    public void Model_PassesOnlyTheRulesBeyondTheSchemaToTheWriter()
    {
        var (model, validator) = Verdicts();

        var acceptedByModelOnly = model.Where(pair => pair.Value && !validator[pair.Key]).Select(pair => pair.Key).Order(StringComparer.Ordinal);

        acceptedByModelOnly.ShouldBe(PassedByTheModelOnly);
    }

    [Fact]
    public void Model_JudgedEverySampleOfTheCorpus()
    {
        var (model, validator) = Verdicts();

        model.Keys.Order(StringComparer.Ordinal).ShouldBe(validator.Keys.Order(StringComparer.Ordinal));
        model.Count.ShouldBeGreaterThan(100);
    }

    private (Dictionary<string, bool> Model, Dictionary<string, bool> Validator) Verdicts()
    {
        var schema = TemplateWalker.Resources(app.Json["prod"], "AWS::ApiGateway::Model").Values
            .Select(m => m["Properties"]!)
            .Single(p => p["Name"]!.GetValue<string>() == "AuditEventV1")["Schema"]!;
        var corpus = CorpusFolder(app.Layout);
        var schemaFile = Path.Combine(Path.GetTempPath(), $"paymentaudit-model-{Guid.NewGuid():N}.json");
        File.WriteAllText(schemaFile, schema.ToJsonString());
        try
        {
            var model = RunValidateScript(app.Layout.Root, schemaFile, corpus);
            var validatorJudge = new AuditEventValidator();
            var validator = Directory.EnumerateFiles(corpus, "*.json", SearchOption.AllDirectories)
                .ToDictionary(
                    file => Path.GetRelativePath(corpus, file).Replace('\\', '/'),
                    file => validatorJudge.Validate(File.ReadAllText(file)).IsValid);
            return (model, validator);
        }
        finally
        {
            File.Delete(schemaFile);
        }
    }

    private static Dictionary<string, bool> RunValidateScript(string root, string schemaFile, string corpus)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine("schema", "validate.mjs"), "--schema", schemaFile, corpus })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("node schema/validate.mjs did not finish within 2 minutes.");
        }

        process.ExitCode.ShouldBe(0, stderr.Result);
        return stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonNode.Parse(line)!)
            .ToDictionary(v => v["name"]!.GetValue<string>(), v => v["valid"]!.GetValue<bool>());
    }
}
