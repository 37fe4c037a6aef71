namespace PaymentAudit.Auditing.Targets;

/// <summary>Finds a queue's URL by name (on the local emulator, whose URLs depend on its port).</summary>
public interface IQueueLocator
{
    /// <summary>The URL of <paramref name="queueName"/> at <paramref name="endpoint"/>.</summary>
    /// <exception cref="StoreUnreachableException">The endpoint does not answer, or has no such queue.</exception>
    Task<string> LocateAsync(Uri endpoint, string queueName, CancellationToken cancellationToken);
}
