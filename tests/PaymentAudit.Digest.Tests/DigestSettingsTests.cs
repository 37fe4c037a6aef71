using System.Collections;

namespace PaymentAudit.Digest.Tests;

public sealed class DigestSettingsTests
{
    private const string KeyArn = "arn:aws:kms:eu-west-1:111111111111:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private const string TableArn = "arn:aws:dynamodb:eu-west-1:111111111111:table/audit";

    [Fact]
    public void FromEnvironment_WithRequiredValues_UsesDocumentedDefaults()
    {
        var settings = DigestSettings.FromEnvironment(Required());

        settings.ShouldBe(new DigestSettings
        {
            TableName = "audit",
            TableArn = TableArn,
            Environment = "dev",
            ArchiveBucket = "archive",
            SigningKeyArn = KeyArn,
            PeriodSeconds = 3600,
            MetricsNamespace = "PaymentAudit",
        });
    }

    [Fact]
    public void FromEnvironment_WithOptionalValues_ReadsThem()
    {
        var variables = Required();
        variables[DigestSettings.MetricsNamespaceVariable] = "Audit/Test";
        variables[DigestSettings.DynamoDbServiceUrlVariable] = "http://127.0.0.1:8000";
        variables[DigestSettings.S3ServiceUrlVariable] = "http://127.0.0.1:4566";

        var settings = DigestSettings.FromEnvironment(variables);

        settings.MetricsNamespace.ShouldBe("Audit/Test");
        settings.DynamoDbServiceUrl.ShouldBe(new Uri("http://127.0.0.1:8000"));
        settings.S3ServiceUrl.ShouldBe(new Uri("http://127.0.0.1:4566"));
    }

    [Fact]
    public void FromEnvironment_WithNothingSet_NamesEveryMissingVariable()
    {
        var error = Should.Throw<DigestConfigurationException>(() => DigestSettings.FromEnvironment(new Hashtable()));

        error.Message.ShouldStartWith("PaymentAudit digest function configuration is invalid:");
        foreach (var variable in new[]
        {
            "PAYMENTAUDIT_TABLE_NAME", "PAYMENTAUDIT_TABLE_ARN", "PAYMENTAUDIT_ENVIRONMENT", "PAYMENTAUDIT_ARCHIVE_BUCKET",
            "PAYMENTAUDIT_SIGNING_KEY_ARN", "PAYMENTAUDIT_DIGEST_PERIOD_SECONDS",
        })
        {
            error.Message.ShouldContain($"{variable} is required");
        }
    }

    [Theory]
    [InlineData(DigestSettings.PeriodSecondsVariable, "an hour")]
    [InlineData(DigestSettings.PeriodSecondsVariable, "59")]
    [InlineData(DigestSettings.PeriodSecondsVariable, "43201")]
    [InlineData(DigestSettings.PeriodSecondsVariable, "-3600")]
    [InlineData(DigestSettings.EnvironmentVariable, "prod/eu")]
    [InlineData(DigestSettings.EnvironmentVariable, "prod eu")]
    [InlineData(DigestSettings.DynamoDbServiceUrlVariable, "localhost:8000")]
    [InlineData(DigestSettings.S3ServiceUrlVariable, "ftp://localhost:4566")]
    public void FromEnvironment_WithMalformedValue_NamesTheVariableAndValue(string variable, string value)
    {
        var variables = Required();
        variables[variable] = value;

        var error = Should.Throw<DigestConfigurationException>(() => DigestSettings.FromEnvironment(variables));

        error.Message.ShouldContain(variable);
        error.Message.ShouldContain(value);
    }

    [Theory]
    [InlineData("60")]
    [InlineData("43200")]
    public void FromEnvironment_PeriodAtEitherLimit_IsAccepted(string seconds)
    {
        var variables = Required();
        variables[DigestSettings.PeriodSecondsVariable] = seconds;

        DigestSettings.FromEnvironment(variables).PeriodSeconds.ShouldBe(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Hashtable Required() => new()
    {
        [DigestSettings.TableNameVariable] = "audit",
        [DigestSettings.TableArnVariable] = TableArn,
        [DigestSettings.EnvironmentVariable] = "dev",
        [DigestSettings.ArchiveBucketVariable] = "archive",
        [DigestSettings.SigningKeyArnVariable] = KeyArn,
        [DigestSettings.PeriodSecondsVariable] = "3600",
    };
}
