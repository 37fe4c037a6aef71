using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace PaymentAudit.Local;

/// <summary>AWS SDK clients pointed at the local emulators (DynamoDB Local; fauxqs for SQS and S3), with dummy credentials and a fixed region.</summary>
public static class LocalClients
{
    /// <summary>The region the emulators are addressed as.</summary>
    public const string Region = "us-east-1";

    /// <summary>A DynamoDB client for <paramref name="serviceUrl"/>; <paramref name="configure"/> can adjust the config (e.g. an HTTP handler).</summary>
    public static AmazonDynamoDBClient DynamoDb(Uri serviceUrl, Action<AmazonDynamoDBConfig>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var config = new AmazonDynamoDBConfig { ServiceURL = serviceUrl.ToString(), AuthenticationRegion = Region };
        configure?.Invoke(config);
        return new AmazonDynamoDBClient(Credentials(), config);
    }

    /// <summary>An SQS client for <paramref name="serviceUrl"/>.</summary>
    public static AmazonSQSClient Sqs(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var config = new AmazonSQSConfig { ServiceURL = serviceUrl.ToString(), AuthenticationRegion = Region };
        return new AmazonSQSClient(Credentials(), config);
    }

    /// <summary>An S3 client for fauxqs's S3 at <paramref name="serviceUrl"/> (path-style addressing, as the emulator needs).</summary>
    public static AmazonS3Client S3(Uri serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var config = new AmazonS3Config { ServiceURL = serviceUrl.ToString(), AuthenticationRegion = Region, ForcePathStyle = true };
        return new AmazonS3Client(Credentials(), config);
    }

    private static BasicAWSCredentials Credentials() => new("local", "local");
}
