namespace PaymentAudit.Client.Tests.Support;

/// <summary>One <c>SendMessageBatch</c> call as the fake SQS client saw it; <see cref="Index"/> counts calls from 0.</summary>
public sealed record SentBatch(int Index, IReadOnlyList<SentEntry> Entries);
