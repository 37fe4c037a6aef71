namespace PaymentAudit.Auditing.Tests.Support;

/// <summary>A clock that always reads <paramref name="now"/>.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
