using Amazon;
using Amazon.DynamoDBv2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;
using Amazon.SQS;

namespace PaymentAudit.Auditing.Targets;

/// <summary>
/// SDK clients for a target: on AWS the SDK's default credential chain (or the named profile) and
/// region; for the local pipeline the emulators' endpoints with placeholder credentials.
/// </summary>
public sealed class TargetClients : IDisposable
{
    private readonly AuditTarget _target;
    private readonly List<IDisposable> _created = [];

    /// <summary>Creates the factory for <paramref name="target"/>.</summary>
    public TargetClients(AuditTarget target) => _target = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>A DynamoDB client for the target's table.</summary>
    public IAmazonDynamoDB DynamoDb() => Own(new AmazonDynamoDBClient(Credentials(_target), Configure(new AmazonDynamoDBConfig(), _target.DynamoDbServiceUrl)));

    /// <summary>An SQS client for the target's queues.</summary>
    public IAmazonSQS Sqs() => Own(new AmazonSQSClient(Credentials(_target), Configure(new AmazonSQSConfig(), _target.SqsServiceUrl)));

    /// <summary>An S3 client for the target's archive bucket.</summary>
    public IAmazonS3 S3()
    {
        var config = Configure(new AmazonS3Config(), _target.S3ServiceUrl);
        config.ForcePathStyle = _target.S3ServiceUrl is not null;
        return Own(new AmazonS3Client(Credentials(_target), config));
    }

    /// <summary>A KMS client (the digest signing key's public half).</summary>
    public IAmazonKeyManagementService Kms() => Own(new AmazonKeyManagementServiceClient(Credentials(_target), Configure(new AmazonKeyManagementServiceConfig(), null)));

    /// <summary>An STS client (the caller's identity).</summary>
    public IAmazonSecurityTokenService Sts() => Own(new AmazonSecurityTokenServiceClient(Credentials(_target), Configure(new AmazonSecurityTokenServiceConfig(), null)));

    /// <summary>An SSM client for <paramref name="options"/>' profile and region (before the target is known).</summary>
    public static IAmazonSimpleSystemsManagement Ssm(TargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = new AuditTarget { Kind = TargetKind.Environment, Description = string.Empty, TableName = string.Empty, Profile = options.Profile, Region = options.Region };
        return new AmazonSimpleSystemsManagementClient(Credentials(target), Configure(new AmazonSimpleSystemsManagementConfig(), null, options.Region));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _created)
        {
            client.Dispose();
        }
    }

    private T Own<T>(T client)
        where T : IDisposable
    {
        _created.Add(client);
        return client;
    }

    private static AWSCredentials Credentials(AuditTarget target)
    {
        if (target.Kind == TargetKind.Local)
        {
            return new BasicAWSCredentials("local", "local");
        }

        if (target.Profile is { } profile)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var credentials)
                ? credentials
                : throw new TargetException($"--profile '{profile}' is not in the AWS shared config or credentials file.");
        }

        return Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials();
    }

    private T Configure<T>(T config, Uri? serviceUrl)
        where T : ClientConfig => Configure(config, serviceUrl, _target.Region);

    private static T Configure<T>(T config, Uri? serviceUrl, string? region)
        where T : ClientConfig
    {
        if (serviceUrl is not null)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }
}
