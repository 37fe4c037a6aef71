namespace PaymentAudit.Client.Tests.Support;

/// <summary>One entry of a <c>SendMessageBatch</c> call as the fake SQS client saw it.</summary>
public sealed record SentEntry(string Id, string Body, string GroupId, string DeduplicationId);
