using System.Collections;
using System.Text.Json.Nodes;
using PaymentAudit.Core.History;
using PaymentAudit.Indexer;
using PaymentAudit.Infra.Constructs;
using PaymentAudit.Infra.Tests.Support;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Writer.Configuration;

namespace PaymentAudit.Infra.Tests;

/// <summary>
/// The infrastructure deploys what the functions' code reads: handler strings, environment
/// variables (the deployed set passes each function's own validation), and archive key prefixes.
/// </summary>
[Collection(SharedSynthesis.Name)]
public sealed class FunctionContractTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Fact]
    public void Handlers_NameTheFunctionsEntryPoints()
    {
        WriterFunction.Handler.ShouldBe(HandlerOf(typeof(PaymentAudit.Writer.Function)));
        IndexerFunction.Handler.ShouldBe(HandlerOf(typeof(PaymentAudit.Indexer.Function)));
    }

    [Fact]
    public void WriterEnvironment_NamesTheVariablesTheWriterReads()
    {
        WriterEnvironment.TableName.ShouldBe(WriterSettings.TableNameVariable);
        WriterEnvironment.EnvironmentName.ShouldBe(WriterSettings.EnvironmentVariable);
        WriterEnvironment.ArchiveBucket.ShouldBe(WriterSettings.ArchiveBucketVariable);
        WriterEnvironment.MetricsNamespace.ShouldBe(WriterSettings.MetricsNamespaceVariable);
        WriterEnvironment.MaxEventBytes.ShouldBe(WriterSettings.MaxEventBytesVariable);
    }

    [Fact]
    public void IndexerEnvironment_NamesTheVariablesTheIndexerReads()
    {
        IndexerEnvironment.TableName.ShouldBe(IndexerSettings.TableNameVariable);
        IndexerEnvironment.EnvironmentName.ShouldBe(IndexerSettings.EnvironmentVariable);
        IndexerEnvironment.ArchiveBucket.ShouldBe(IndexerSettings.ArchiveBucketVariable);
        IndexerEnvironment.MetricsNamespace.ShouldBe(IndexerSettings.MetricsNamespaceVariable);
        IndexerEnvironment.HistoryBuckets.ShouldBe(IndexerSettings.BucketCountVariable);
    }

    [Fact]
    public void ArchivePrefixes_AreTheOnesTheFunctionsWrite()
    {
        AuditArchive.QuarantinePrefix.ShouldBe(S3PayloadArchive.Prefix);
        AuditArchive.HistoryPrefix.ShouldBe(new HistoryIndexerOptions().SegmentPrefix);
        S3HistoryStore.ManifestKey.ShouldStartWith(AuditArchive.HistoryPrefix);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeployedWriterEnvironment_PassesTheWritersValidation(string environment)
    {
        var config = app.Stacks[environment].Config;

        var settings = WriterSettings.FromEnvironment(Variables(environment, WriterFunction.Handler));

        settings.TableName.ShouldStartWith("<Table");
        settings.ArchiveBucket.ShouldStartWith("<ArchiveBucket");
        settings.Environment.ShouldBe(environment);
        settings.MetricsNamespace.ShouldBe(config.Writer.MetricsNamespace);
        settings.MaxEventBytes.ShouldBe(config.Writer.MaxEventBytes);
        settings.DynamoDbServiceUrl.ShouldBeNull();
        settings.S3ServiceUrl.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeployedIndexerEnvironment_PassesTheIndexersValidation(string environment)
    {
        var config = app.Stacks[environment].Config;

        var settings = IndexerSettings.FromEnvironment(Variables(environment, IndexerFunction.Handler));

        settings.TableName.ShouldStartWith("<Table");
        settings.ArchiveBucket.ShouldStartWith("<ArchiveBucket");
        settings.Environment.ShouldBe(environment);
        settings.MetricsNamespace.ShouldBe(config.Writer.MetricsNamespace);
        settings.BucketCount.ShouldBe(config.Indexer.HistoryBuckets);
        settings.DynamoDbServiceUrl.ShouldBeNull();
        settings.S3ServiceUrl.ShouldBeNull();
    }

    private static string HandlerOf(Type function) =>
        $"{function.Assembly.GetName().Name}::{function.FullName}::{function.GetMethod("HandleAsync", [typeof(Stream)])!.Name}";

    // The function's variables as Lambda would see them, with each reference standing in for the
    // name CloudFormation resolves it to.
    private Hashtable Variables(string environment, string handler)
    {
        var function = TemplateWalker.Resources(app.Json[environment], "AWS::Lambda::Function").Values
            .Single(f => f["Properties"]!["Handler"]!.GetValue<string>() == handler);
        var variables = new Hashtable(StringComparer.Ordinal);
        foreach (var (name, value) in function["Properties"]!["Environment"]!["Variables"]!.AsObject())
        {
            variables[name] = value switch
            {
                JsonValue text => text.GetValue<string>(),
                JsonObject reference when reference["Ref"] is JsonValue id => $"<{PolicyStatementInTemplate.WithoutHash(id.GetValue<string>())}>",
                _ => throw new InvalidDataException($"Variable {name} is neither a string nor a reference: {value?.ToJsonString()}"),
            };
        }

        return variables;
    }
}
