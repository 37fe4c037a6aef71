using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.S3;

namespace PaymentAudit.Storage.Configuration;

/// <summary>SDK clients for the functions: the default AWS credential chain and region, or an emulator endpoint when one is configured.</summary>
public static class AwsClients
{
    /// <summary>A DynamoDB client, pointed at <paramref name="serviceUrl"/> when given.</summary>
    public static AmazonDynamoDBClient DynamoDb(Uri? serviceUrl)
    {
        var config = new AmazonDynamoDBConfig();
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
        }

        return new AmazonDynamoDBClient(config);
    }

    /// <summary>An S3 client, pointed at <paramref name="serviceUrl"/> (path-style addressing, as emulators need) when given.</summary>
    public static AmazonS3Client S3(Uri? serviceUrl)
    {
        var config = new AmazonS3Config();
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.ForcePathStyle = true;
        }

        return new AmazonS3Client(config);
    }

    /// <summary>A KMS client (no emulator exists: local runs sign with a local key instead).</summary>
    public static AmazonKeyManagementServiceClient Kms() => new();
}
