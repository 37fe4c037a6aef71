using System.Globalization;
using PaymentAudit.Client;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Auditing.Recording;

/// <summary>
/// Records, through the client library, the audit event of a read of the trail before any result
/// of the read is shown. If the event cannot be recorded the read does not happen: the command
/// fails closed with <see cref="ReadAuditException"/>.
/// </summary>
public sealed class ReadAuditor
{
    /// <summary>The <c>origin.service</c> of every read event.</summary>
    public const string Service = "paymentaudit-cli";

    private const int MaxDescription = 1_024;
    private readonly IAuditTrail _trail;
    private readonly ICallerIdentity _identity;
    private readonly TimeProvider _time;
    private readonly string _invocationId;

    /// <summary>Creates an auditor recording through <paramref name="trail"/> as <paramref name="identity"/>.</summary>
    public ReadAuditor(IAuditTrail trail, ICallerIdentity identity, TimeProvider time)
    {
        _trail = trail;
        _identity = identity;
        _time = time;
        _invocationId = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
    }

    /// <summary>Records one read.</summary>
    /// <param name="readKind">One of <see cref="ReadKinds"/>.</param>
    /// <param name="command">The command and its arguments, as typed (kept as the query description).</param>
    /// <param name="cancellationToken">Cancels the wait for SQS.</param>
    /// <returns>The recorded event's id.</returns>
    /// <exception cref="ReadAuditException">The event could not be recorded; show nothing.</exception>
    /// <remarks>
    /// The event names no payment record (the command, with any record id it was given, is its
    /// description): reading the trail's history of record R is an access to the audit trail, not
    /// to R, and must not appear in R's own history as if someone had queried the payment.
    /// </remarks>
    public async Task<string> RecordAsync(string readKind, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = await _identity.GetAsync(cancellationToken);
        var description = command.Length <= MaxDescription ? command : command[..(MaxDescription - 1)] + "…";
        var auditEvent = new AuditEvent
        {
            // The client gives an empty event id a UUIDv7.
            EventId = string.Empty,
            EventType = readKind,
            OccurredAt = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),

            // Auditor commands are run by people (an assumed auditor role's session, an IAM user, or
            // the local OS user); STS cannot tell a person from a pipeline, so every caller is a user.
            Actor = new Actor(caller, ActorTypes.User),
            Origin = new Origin(Service, RequestId: _invocationId),
            Query = new QueryDetails(Description: description),
            Outcome = new Outcome(OutcomeResults.Success),
        };
        try
        {
            return await _trail.RecordAsync(auditEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is AuditDeliveryException or AuditEventRejectedException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            throw new ReadAuditException($"This read's audit event could not be recorded, so nothing is shown: {ex.Message}", ex);
        }
    }
}
