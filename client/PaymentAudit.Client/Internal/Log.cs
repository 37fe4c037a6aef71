using Microsoft.Extensions.Logging;

namespace PaymentAudit.Client.Internal;

/// <summary>The trail's log messages. They carry ids, counts and codes, never event content.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Audit event {EventId} rejected before sending: {RejectionCode}")]
    public static partial void EventRejected(ILogger logger, string eventId, string rejectionCode);

    [LoggerMessage(2, LogLevel.Debug, "Sending a batch of {Entries} audit events ({Bytes} bytes)")]
    public static partial void BatchSending(ILogger logger, int entries, int bytes);

    [LoggerMessage(3, LogLevel.Warning, "Audit event {EventId} in group {GroupId} not accepted on attempt {Attempt} ({ErrorCode}); retrying in {DelayMs} ms, later events of the group wait")]
    public static partial void EntryRetrying(ILogger logger, string eventId, string groupId, int attempt, string errorCode, long delayMs);

    [LoggerMessage(4, LogLevel.Error, "Audit event {EventId} in group {GroupId} not accepted after {Attempts} attempt(s): {ErrorCode}")]
    public static partial void EntryFailed(ILogger logger, string eventId, string groupId, int attempts, string errorCode);

    [LoggerMessage(5, LogLevel.Information, "Audit trail shutting down with {Outstanding} event(s) not yet accepted")]
    public static partial void ShuttingDown(ILogger logger, int outstanding);

    [LoggerMessage(6, LogLevel.Critical, "Audit trail dispatcher fault; {Count} waiting event(s) failed")]
    public static partial void DispatcherFault(ILogger logger, Exception exception, int count);

    [LoggerMessage(7, LogLevel.Warning, "Audit event {EventId} carried a card number in {Count} field(s) ({Fields}); sent with the digits masked")]
    public static partial void EventRedacted(ILogger logger, string eventId, int count, string fields);
}
