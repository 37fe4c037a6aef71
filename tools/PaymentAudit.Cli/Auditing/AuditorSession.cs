using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using PaymentAudit.Auditing.Queries;
using PaymentAudit.Auditing.Recording;
using PaymentAudit.Auditing.Targets;
using PaymentAudit.Client;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Validation;
using PaymentAudit.Storage;
using PaymentAudit.Storage.Archive;
using PaymentAudit.Storage.Digests;

namespace PaymentAudit.Cli.Auditing;

/// <summary>
/// Everything one auditor command needs: the resolved target, its clients, the reader, the history
/// index, the archive, and the <see cref="ReadAuditor"/> that records the command's own audit event.
/// </summary>
public sealed class AuditorSession : IAsyncDisposable
{
    private readonly TargetClients _clients;
    private readonly IAuditTrail? _trail;

    private AuditorSession(AuditTarget target, TargetClients clients, IAuditTrail? trail, ICallerIdentity identity, TimeProvider time)
    {
        Target = target;
        _clients = clients;
        _trail = trail;
        DynamoDb = clients.DynamoDb();
        Sqs = clients.Sqs();
        Reader = new AuditTrailReader(DynamoDb, target.TableName);
        S3 = clients.S3();
        if (target.ArchiveBucket is { } bucket)
        {
            History = new S3HistoryStore(S3, bucket);
            Archive = new S3PayloadArchive(S3, bucket);
            Digests = target.DigestEnvironment is { } environment ? new S3DigestStore(S3, bucket, environment) : null;
        }
        else
        {
            History = new EmptyHistoryStore();
        }

        Auditor = trail is null ? null : new ReadAuditor(trail, identity, time);
    }

    /// <summary>The target.</summary>
    public AuditTarget Target { get; }

    /// <summary>The table's client.</summary>
    public IAmazonDynamoDB DynamoDb { get; }

    /// <summary>The queues' client.</summary>
    public IAmazonSQS Sqs { get; }

    /// <summary>Reads the table.</summary>
    public AuditTrailReader Reader { get; }

    /// <summary>The history index (empty when the target has no archive bucket).</summary>
    public IHistoryStore History { get; }

    /// <summary>Archived payloads; null without an archive bucket.</summary>
    public IPayloadArchive? Archive { get; }

    /// <summary>An S3 client for the target (the archive bucket, exports).</summary>
    public IAmazonS3 S3 { get; }

    /// <summary>The environment's signed digests; null without an archive bucket or a known environment.</summary>
    public IDigestStore? Digests { get; }

    /// <summary>A KMS client for the target (the digest signing key's public half).</summary>
    public Amazon.KeyManagementService.IAmazonKeyManagementService Kms() => _clients.Kms();

    /// <summary>Records the command's own audit event; null only when the target has no audit queue.</summary>
    public ReadAuditor? Auditor { get; }

    /// <summary>The contract's validator.</summary>
    public AuditEventValidator Validator { get; } = new();

    /// <summary>Resolves the target and opens the session.</summary>
    public static async Task<AuditorSession> OpenAsync(TargetOptions options, CancellationToken cancellationToken)
    {
        var resolver = new TargetResolver(o => new SsmParameterSource(TargetClients.Ssm(o)), new SqsQueueLocator());
        var target = await resolver.ResolveAsync(options, cancellationToken);
        var clients = new TargetClients(target);
        ICallerIdentity identity = target.Kind == TargetKind.Local ? new OperatingSystemIdentity() : new StsCallerIdentity(clients.Sts());
        var trail = target.QueueUrl is { } queueUrl
            ? AuditTrail.Create(clients.Sqs(), new AuditTrailOptions { QueueUrl = queueUrl, MaxAttempts = 3, RetryMaxDelay = TimeSpan.FromSeconds(1) })
            : null;
        return new AuditorSession(target, clients, trail, identity, TimeProvider.System);
    }

    /// <summary>
    /// Records this command's read before any result is shown.
    /// </summary>
    /// <exception cref="ReadAuditException">It could not be recorded (or the target has no audit queue): show nothing.</exception>
    public async Task RecordReadAsync(string readKind, string command, CancellationToken cancellationToken)
    {
        if (Auditor is null)
        {
            throw new ReadAuditException($"No audit queue is known for {Target.Description}: every read of the trail is recorded as an audit event, so pass --queue-url.");
        }

        await Auditor.RecordAsync(readKind, command, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_trail is not null)
        {
            await _trail.DisposeAsync();
        }

        _clients.Dispose();
    }
}
