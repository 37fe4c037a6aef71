using System.Collections;
using System.Text.Json.Nodes;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.History;
using PaymentAudit.Digest;
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
        DigestFunction.Handler.ShouldBe(HandlerOf(typeof(PaymentAudit.Digest.Function)));
    }

    [Fact]
    public void DigestEnvironment_NamesTheVariablesTheDigestFunctionReads()
    {
        DigestEnvironment.TableName.ShouldBe(DigestSettings.TableNameVariable);
        DigestEnvironment.TableArn.ShouldBe(DigestSettings.TableArnVariable);
        DigestEnvironment.EnvironmentName.ShouldBe(DigestSettings.EnvironmentVariable);
        DigestEnvironment.ArchiveBucket.ShouldBe(DigestSettings.ArchiveBucketVariable);
        DigestEnvironment.SigningKeyArn.ShouldBe(DigestSettings.SigningKeyArnVariable);
        DigestEnvironment.PeriodSeconds.ShouldBe(DigestSettings.PeriodSecondsVariable);
        DigestEnvironment.MetricsNamespace.ShouldBe(DigestSettings.MetricsNamespaceVariable);
    }

    [Fact]
    public void DigestMetrics_AreTheOnesTheDigestFunctionPublishes()
    {
        AuditAlarms.DigestsWrittenMetricName.ShouldBe(DigestRunTelemetry.DigestsWrittenMetric);
        AuditAlarms.EnvironmentDimension.ShouldBe(DigestRunTelemetry.EnvironmentDimension);
        AuditDashboard.ChainsDigestedMetricName.ShouldBe(DigestRunTelemetry.ChainsDigestedMetric);
        AuditDashboard.ChainsMovedMetricName.ShouldBe(DigestRunTelemetry.ChainsMovedMetric);
        AuditDashboard.DigestDurationMetricName.ShouldBe(DigestRunTelemetry.DurationMetric);
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
        DigestKeys.PrefixOf("prod").ShouldStartWith(AuditArchive.DigestPrefix);
        DigestFunction.LatestPointerKey("prod").ShouldBe(DigestKeys.LatestOf("prod"));
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

    [Theory]
    [MemberData(nameof(Environments))]
    public void DeployedDigestEnvironment_PassesTheDigestFunctionsValidation(string environment)
    {
        var config = app.Stacks[environment].Config;

        var settings = DigestSettings.FromEnvironment(Variables(environment, DigestFunction.Handler));

        settings.TableName.ShouldStartWith("<Table");
        settings.TableArn.ShouldStartWith("<Table");
        settings.TableArn.ShouldEndWith(".Arn>");
        settings.SigningKeyArn.ShouldBe("<KeysSigningKey.Arn>");
        settings.ArchiveBucket.ShouldStartWith("<ArchiveBucket");
        settings.Environment.ShouldBe(environment);
        settings.PeriodSeconds.ShouldBe(config.Digests.PeriodMinutes * 60);
        settings.MetricsNamespace.ShouldBe(config.Writer.MetricsNamespace);
        settings.DynamoDbServiceUrl.ShouldBeNull();
        settings.S3ServiceUrl.ShouldBeNull();
    }

    private static string HandlerOf(Type function) =>
        $"{function.Assembly.GetName().Name}::{function.FullName}::{function.GetMethod("HandleAsync", [typeof(Stream)])!.Name}";

    // The function's variables as Lambda would see them, with each reference or attribute standing
    // in for the name or ARN CloudFormation resolves it to.
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
                JsonObject attribute when attribute["Fn::GetAtt"] is JsonArray and [JsonValue id, JsonValue attributeName] =>
                    $"<{PolicyStatementInTemplate.WithoutHash(id.GetValue<string>())}.{attributeName.GetValue<string>()}>",
                _ => throw new InvalidDataException($"Variable {name} is neither a string, a reference nor an attribute: {value?.ToJsonString()}"),
            };
        }

        return variables;
    }
}
