namespace PaymentAudit.Infra.Configuration;

/// <summary>AWS Backup plan retention and vault lock.</summary>
public sealed record BackupConfig
{
    /// <summary>Retention of daily recovery points in days; also the vault lock's minimum retention.</summary>
    public required int DailyRetentionDays { get; init; }

    /// <summary>Retention of monthly recovery points in months (31 days each); also the vault lock's maximum retention.</summary>
    public required int MonthlyRetentionMonths { get; init; }

    /// <summary>
    /// Vault lock mode. <see cref="LockMode.None"/> also drops the vault policy that denies deleting
    /// recovery points, so the vault can be emptied and deleted with its stack.
    /// </summary>
    public required LockMode VaultLockMode { get; init; }

    /// <summary>
    /// Compliance mode only: days (at least 3) during which the lock can still be removed; after
    /// that it is immutable. Must be null in governance mode and without a lock.
    /// </summary>
    public required int? VaultLockChangeableForDays { get; init; }
}
