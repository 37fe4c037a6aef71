using Amazon.CDK.Assertions;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

[Collection(SharedSynthesis.Name)]
public sealed class BackupTests(SynthesizedApp app)
{
    public static TheoryData<string> Environments => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Plan_HasDailyFor35DaysAndMonthlyFor13Months(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::Backup::BackupPlan", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BackupPlan"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["BackupPlanRule"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["RuleName"] = "Daily",
                        ["ScheduleExpression"] = "cron(0 3 * * ? *)",
                        ["Lifecycle"] = new Dictionary<string, object> { ["DeleteAfterDays"] = 35 },
                    }),
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["RuleName"] = "Monthly",
                        ["ScheduleExpression"] = "cron(0 4 1 * ? *)",
                        ["Lifecycle"] = new Dictionary<string, object> { ["DeleteAfterDays"] = 13 * 31 },
                    }),
                },
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Selection_BacksUpTheAuditTable(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::Backup::BackupSelection", Match.ObjectLike(new Dictionary<string, object>
        {
            ["BackupSelection"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Resources"] = new object[]
                {
                    new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^Table"), "Arn" } },
                },
            }),
        }));
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public void Vault_IsEncryptedWithTheDataKey(string environment)
    {
        app.Templates[environment].HasResourceProperties("AWS::Backup::BackupVault", Match.ObjectLike(new Dictionary<string, object>
        {
            ["EncryptionKeyArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { Match.StringLikeRegexp("^KeysDataKey"), "Arn" } },
        }));
    }

    [Fact]
    public void ProdVault_IsLockedAndDeniesRecoveryPointDeletion()
    {
        app.Prod.HasResourceProperties("AWS::Backup::BackupVault", Match.ObjectLike(new Dictionary<string, object>
        {
            ["EncryptionKeyArn"] = Match.AnyValue(),
            ["LockConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["MinRetentionDays"] = 35,
                ["MaxRetentionDays"] = 13 * 31,
            }),
            ["AccessPolicy"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Effect"] = "Deny",
                    ["Action"] = Match.ArrayWith(["backup:DeleteRecoveryPoint"]),
                })]),
            }),
        }));
    }

    [Fact]
    public void ProdVault_IsInComplianceModeAndDevVaultIsNotLocked()
    {
        // A vault lock with ChangeableForDays becomes immutable (compliance mode) after that grace period.
        app.Prod.HasResourceProperties("AWS::Backup::BackupVault", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LockConfiguration"] = Match.ObjectLike(new Dictionary<string, object> { ["ChangeableForDays"] = 3 }),
        }));
        // Dev (vaultLockMode none): no lock and no deny-delete policy, so recovery points can be
        // deleted and the vault with them.
        app.Dev.HasResourceProperties("AWS::Backup::BackupVault", Match.ObjectLike(new Dictionary<string, object>
        {
            ["LockConfiguration"] = Match.Absent(),
            ["AccessPolicy"] = Match.Absent(),
        }));
    }
}
