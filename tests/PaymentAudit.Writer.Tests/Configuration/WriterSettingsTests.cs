using System.Collections;
using PaymentAudit.Writer.Configuration;

namespace PaymentAudit.Writer.Tests.Configuration;

public sealed class WriterSettingsTests
{
    [Fact]
    public void FromEnvironment_WithRequiredValues_UsesDocumentedDefaults()
    {
        var settings = WriterSettings.FromEnvironment(new Hashtable
        {
            [WriterSettings.TableNameVariable] = "audit",
            [WriterSettings.EnvironmentVariable] = "dev",
            [WriterSettings.ArchiveBucketVariable] = "archive",
        });

        settings.ShouldBe(new WriterSettings { TableName = "audit", Environment = "dev", ArchiveBucket = "archive", MetricsNamespace = "PaymentAudit", MaxEventBytes = 65_536 });
    }

    [Fact]
    public void FromEnvironment_WithNothingSet_NamesEveryMissingVariable()
    {
        var error = Should.Throw<WriterConfigurationException>(() => WriterSettings.FromEnvironment(new Hashtable()));

        error.Message.ShouldContain("PAYMENTAUDIT_TABLE_NAME is required");
        error.Message.ShouldContain("PAYMENTAUDIT_ENVIRONMENT is required");
        error.Message.ShouldContain("PAYMENTAUDIT_ARCHIVE_BUCKET is required");
    }

    [Theory]
    [InlineData(WriterSettings.MaxEventBytesVariable, "lots")]
    [InlineData(WriterSettings.MaxEventBytesVariable, "999999999")]
    [InlineData(WriterSettings.DynamoDbServiceUrlVariable, "localhost:8000")]
    [InlineData(WriterSettings.S3ServiceUrlVariable, "ftp://localhost:4566")]
    public void FromEnvironment_WithMalformedOptionalValue_NamesTheVariableAndValue(string variable, string value)
    {
        var error = Should.Throw<WriterConfigurationException>(() => WriterSettings.FromEnvironment(new Hashtable
        {
            [WriterSettings.TableNameVariable] = "audit",
            [WriterSettings.EnvironmentVariable] = "dev",
            [WriterSettings.ArchiveBucketVariable] = "archive",
            [variable] = value,
        }));

        error.Message.ShouldContain(variable);
        error.Message.ShouldContain(value);
    }
}
