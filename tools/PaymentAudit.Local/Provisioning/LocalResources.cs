namespace PaymentAudit.Local.Provisioning;

/// <summary>The provisioned local resources the pipeline runs on.</summary>
/// <param name="TableName">The audit table.</param>
/// <param name="QueueUrl">The FIFO audit queue.</param>
/// <param name="DeadLetterQueueUrl">Its FIFO dead-letter queue.</param>
/// <param name="ArchiveBucket">The archive bucket (quarantined payloads, history index) in fauxqs's S3.</param>
public sealed record LocalResources(string TableName, string QueueUrl, string DeadLetterQueueUrl, string ArchiveBucket);
