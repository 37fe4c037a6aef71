namespace PaymentAudit.Auditing.Recording;

/// <summary>The local caller: the operating-system user and machine running the command.</summary>
public sealed class OperatingSystemIdentity : ICallerIdentity
{
    /// <inheritdoc />
    public Task<string> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult(CallerIds.Normalize($"os:{Environment.UserName}@{Environment.MachineName}"));
}
