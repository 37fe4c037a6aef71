using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.Events;
using Constructs;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// AWS Backup for the audit table: a KMS-encrypted vault, locked and denying the deletion of
/// recovery points unless the config says <see cref="LockMode.None"/> (dev, so the stack can be
/// deleted), and a plan with daily and monthly rules.
/// </summary>
public sealed class AuditBackup : Construct
{
    /// <summary>Days counted per month of monthly retention, so 13 months always cover 13 calendar months.</summary>
    public const int DaysPerMonth = 31;

    /// <summary>Creates vault, plan and selection.</summary>
    public AuditBackup(Construct scope, string id, AuditBackupProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var monthlyRetention = Duration.Days(settings.MonthlyRetentionMonths * DaysPerMonth);
        var locked = settings.VaultLockMode != LockMode.None;

        Vault = new BackupVault(this, "Vault", new BackupVaultProps
        {
            BackupVaultName = $"PaymentAudit-{props.EnvironmentName}",
            EncryptionKey = props.DataKey,
            BlockRecoveryPointDeletion = locked,
            RemovalPolicy = props.RetainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            // Without ChangeableFor the lock is in governance mode; with it, it becomes a
            // compliance lock that nobody can remove once the grace period ends.
            LockConfiguration = locked
                ? new LockConfiguration
                {
                    MinRetention = Duration.Days(settings.DailyRetentionDays),
                    MaxRetention = monthlyRetention,
                    ChangeableFor = settings.VaultLockMode == LockMode.Compliance
                        ? Duration.Days(settings.VaultLockChangeableForDays!.Value)
                        : null,
                }
                : null,
        });

        Plan = new BackupPlan(this, "Plan", new BackupPlanProps
        {
            BackupPlanName = $"PaymentAudit-{props.EnvironmentName}",
            BackupVault = Vault,
            BackupPlanRules =
            [
                new BackupPlanRule(new BackupPlanRuleProps
                {
                    RuleName = "Daily",
                    ScheduleExpression = Schedule.Cron(new CronOptions { Hour = "3", Minute = "0" }),
                    DeleteAfter = Duration.Days(settings.DailyRetentionDays),
                }),
                new BackupPlanRule(new BackupPlanRuleProps
                {
                    RuleName = "Monthly",
                    ScheduleExpression = Schedule.Cron(new CronOptions { Day = "1", Hour = "4", Minute = "0" }),
                    DeleteAfter = monthlyRetention,
                }),
            ],
        });

        Selection = Plan.AddSelection("AuditTable", new BackupSelectionOptions
        {
            BackupSelectionName = "AuditTable",
            Resources = [BackupResource.FromArn(props.Table.TableArn)],
            AllowRestores = false,
        });
    }

    /// <summary>Locked vault.</summary>
    public BackupVault Vault { get; }

    /// <summary>Daily and monthly plan.</summary>
    public BackupPlan Plan { get; }

    /// <summary>Selection of the audit table.</summary>
    public BackupSelection Selection { get; }
}
