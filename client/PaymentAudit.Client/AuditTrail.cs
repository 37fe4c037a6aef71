using Amazon.SQS;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaymentAudit.Client.Internal;

namespace PaymentAudit.Client;

/// <summary>Creates audit trails without dependency injection (with it, use <c>services.AddPaymentAudit(...)</c>).</summary>
public static class AuditTrail
{
    /// <summary>
    /// Creates an audit trail sending to <see cref="AuditTrailOptions.QueueUrl"/> through <paramref name="sqs"/>.
    /// Dispose it on shutdown: disposing waits for buffered events.
    /// </summary>
    /// <param name="sqs">The SQS client (its credentials, region and endpoint are used as configured).</param>
    /// <param name="options">Settings; validated now.</param>
    /// <param name="loggerFactory">Where to log (ids, counts and codes only); default none.</param>
    /// <param name="timeProvider">Clock for batching windows, backoff and generated ids; default the system clock.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is missing or wrong; the message names it.</exception>
    public static IAuditTrail Create(IAmazonSQS sqs, AuditTrailOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        new BatchingAuditTrail(
            sqs,
            options,
            (ILogger?)loggerFactory?.CreateLogger(typeof(AuditTrail).FullName!) ?? NullLogger.Instance,
            timeProvider ?? TimeProvider.System);
}
