using System.Globalization;
using System.Text.RegularExpressions;

namespace PaymentAudit.Infra.Configuration;

/// <summary>Range and consistency checks that the JSON types alone cannot express.</summary>
public static partial class EnvironmentConfigValidator
{
    // The values CloudWatch Logs accepts for a log group's retention.
    private static readonly int[] LogRetentionValues =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>Returns one message per invalid key, each naming the key; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<string>();

        void Require(bool condition, string key, string expectation)
        {
            if (!condition)
            {
                errors.Add($"'{key}' {expectation}.");
            }
        }

        Require(AccountPattern().IsMatch(config.Account), "account", "must be a 12-digit AWS account id");
        Require(RegionPattern().IsMatch(config.Region), "region", "must be an AWS region such as eu-west-1");
        Require(!string.IsNullOrWhiteSpace(config.DataClassification), "dataClassification", "must not be empty");

        var writer = config.Writer;
        Require(writer.MemoryMiB is >= 128 and <= 10_240, "writer.memoryMiB", "must be between 128 and 10240");
        Require(writer.TimeoutSeconds is >= 1 and <= 900, "writer.timeoutSeconds", "must be between 1 and 900");
        // SQS caps the visibility timeout, which is six times the writer timeout, at 12 hours.
        Require(writer.TimeoutSeconds * 6 <= 43_200, "writer.timeoutSeconds", "times 6 must not exceed 43200 (the SQS visibility limit)");
        Require(writer.MaxConcurrency is >= 2 and <= 1000, "writer.maxConcurrency", "must be between 2 and 1000");
        Require(writer.ReservedConcurrency is >= 2 and <= 1000, "writer.reservedConcurrency", "must be between 2 and 1000");
        // The event source never invokes more than maxConcurrency copies; a smaller reservation would
        // throttle the writer while its queue fills.
        Require(writer.ReservedConcurrency >= writer.MaxConcurrency, "writer.reservedConcurrency",
            "must be at least writer.maxConcurrency (the SQS event source's maximum concurrency)");
        Require(LogRetentionValues.Contains(writer.LogRetentionDays), "writer.logRetentionDays",
            "must be one of " + string.Join(", ", LogRetentionValues.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        Require(writer.MaxEventBytes is >= 1024 and <= 262_144, "writer.maxEventBytes", "must be between 1024 and 262144");
        Require(!string.IsNullOrWhiteSpace(writer.MetricsNamespace) && !writer.MetricsNamespace.StartsWith("AWS/", StringComparison.Ordinal),
            "writer.metricsNamespace", "must be a non-empty namespace not starting with AWS/");

        var indexer = config.Indexer;
        Require(indexer.MemoryMiB is >= 128 and <= 10_240, "indexer.memoryMiB", "must be between 128 and 10240");
        Require(indexer.TimeoutSeconds is >= 1 and <= 900, "indexer.timeoutSeconds", "must be between 1 and 900");
        Require(LogRetentionValues.Contains(indexer.LogRetentionDays), "indexer.logRetentionDays",
            "must be one of " + string.Join(", ", LogRetentionValues.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        Require(indexer.HistoryBuckets is >= 1 and <= 256, "indexer.historyBuckets", "must be between 1 and 256");
        // The index-not-advancing alarm spans two schedule periods, and CloudWatch evaluates at most
        // one day: so at most 12 hours, written in minutes or hours.
        var period = RateExpression.PeriodOf(indexer.Schedule);
        Require(period is { } p && p <= TimeSpan.FromHours(12), "indexer.schedule",
            "must be a rate expression from rate(1 minute) to rate(12 hours), e.g. rate(15 minutes) (the index-not-advancing alarm waits two periods)");
        if (period is { } runEvery)
        {
            // Runs never overlap (reserved concurrency 1): a run that outlasted the period would make
            // the next one wait, and the backlog would only grow.
            Require(indexer.TimeoutSeconds <= runEvery.TotalSeconds, "indexer.timeoutSeconds",
                $"must not exceed the period of indexer.schedule ({runEvery.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s): a run must end before the next one is due");
        }

        var digests = config.Digests;
        Require(digests.MemoryMiB is >= 128 and <= 10_240, "digests.memoryMiB", "must be between 128 and 10240");
        Require(digests.TimeoutSeconds is >= 1 and <= 900, "digests.timeoutSeconds", "must be between 1 and 900");
        Require(LogRetentionValues.Contains(digests.LogRetentionDays), "digests.logRetentionDays",
            "must be one of " + string.Join(", ", LogRetentionValues.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        // At least 10 minutes: a retried run lands a few minutes late, and verification reports a gap
        // of more than 1.5 periods as a missing digest. At most 12 hours: the digest-not-written
        // alarm spans two periods, and CloudWatch evaluates at most one day.
        Require(digests.PeriodMinutes is >= 10 and <= 720, "digests.periodMinutes",
            "must be between 10 and 720 (a retried run lands minutes late; the digest-not-written alarm spans two periods, at most a day)");
        if (digests.PeriodMinutes is >= 10 and <= 720)
        {
            // Runs never overlap (reserved concurrency 1), and two runs at once would both link to
            // the same previous digest.
            Require(digests.TimeoutSeconds <= digests.PeriodMinutes * 60, "digests.timeoutSeconds",
                $"must not exceed digests.periodMinutes ({(digests.PeriodMinutes * 60).ToString(CultureInfo.InvariantCulture)} s): a run must end before the next one is due");
        }

        Require(config.Queue.MaxReceiveCount is >= 1 and <= 1000, "queue.maxReceiveCount", "must be between 1 and 1000");

        var alarms = config.Alarms;
        Require(alarms.Email is null || EmailPattern().IsMatch(alarms.Email), "alarms.email", "must be an e-mail address or null");
        Require(alarms.OldestMessageAgeSeconds > 0, "alarms.oldestMessageAgeSeconds", "must be positive");
        Require(alarms.WriterErrors >= 0, "alarms.writerErrors", "must not be negative");
        Require(alarms.WriterThrottles >= 0, "alarms.writerThrottles", "must not be negative");
        Require(alarms.TableThrottledRequests >= 0, "alarms.tableThrottledRequests", "must not be negative");
        Require(alarms.TableSystemErrors >= 0, "alarms.tableSystemErrors", "must not be negative");
        Require(alarms.RejectedEvents >= 0, "alarms.rejectedEvents", "must not be negative");
        Require(alarms.ConflictingDuplicates >= 0, "alarms.conflictingDuplicates", "must not be negative");
        Require(alarms.FailedEvents >= 0, "alarms.failedEvents", "must not be negative");
        Require(alarms.IndexerErrors >= 0, "alarms.indexerErrors", "must not be negative");
        Require(alarms.IndexProblems >= 0, "alarms.indexProblems", "must not be negative");

        var backup = config.Backup;
        Require(backup.DailyRetentionDays >= 1, "backup.dailyRetentionDays", "must be at least 1");
        Require(backup.MonthlyRetentionMonths >= 1, "backup.monthlyRetentionMonths", "must be at least 1");
        Require(backup.MonthlyRetentionMonths * 31 >= backup.DailyRetentionDays, "backup.monthlyRetentionMonths",
            "must cover at least backup.dailyRetentionDays (the vault lock's minimum must not exceed its maximum)");
        if (backup.VaultLockMode == LockMode.Compliance)
        {
            Require(backup.VaultLockChangeableForDays is >= 3, "backup.vaultLockChangeableForDays", "must be at least 3 in compliance mode");
        }
        else
        {
            Require(backup.VaultLockChangeableForDays is null, "backup.vaultLockChangeableForDays", "must be null unless backup.vaultLockMode is compliance");
        }

        var archive = config.Archive;
        if (archive.ObjectLockMode == LockMode.None)
        {
            Require(archive.ObjectLockRetentionDays is null, "archive.objectLockRetentionDays", "must be null when archive.objectLockMode is none");
        }
        else
        {
            Require(archive.ObjectLockRetentionDays is >= 1, "archive.objectLockRetentionDays", "must be at least 1 when archive.objectLockMode is governance or compliance");
        }

        // A compliance lock cannot be lifted, so a stack that deletes its data on teardown could never
        // be deleted: the two settings contradict each other.
        if (!config.RetainDataOnDelete)
        {
            Require(backup.VaultLockMode != LockMode.Compliance, "backup.vaultLockMode", "must not be compliance when retainDataOnDelete is false (a compliance-locked vault can never be deleted)");
            Require(archive.ObjectLockMode != LockMode.Compliance, "archive.objectLockMode", "must not be compliance when retainDataOnDelete is false (compliance-locked objects can never be deleted)");
        }
        Require(archive.GlacierTransitionDays >= 1, "archive.glacierTransitionDays", "must be at least 1");
        Require(archive.AccessLogRetentionDays >= 1, "archive.accessLogRetentionDays", "must be at least 1");
        Require(archive.ExportStagingRetentionDays >= 7, "archive.exportStagingRetentionDays", "must be at least 7 (time to repeat a failed copy into the archive)");
        var daily = DailyCronPattern().Match(archive.IncrementalExportSchedule);
        Require(
            daily.Success
                && int.Parse(daily.Groups["minute"].Value, CultureInfo.InvariantCulture) <= 59
                && int.Parse(daily.Groups["hour"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 23,
            "archive.incrementalExportSchedule",
            "must be a daily cron(M H * * ? *) expression at 01:00 UTC or later (each run exports the previous UTC day)");
        Require(SchedulePattern().IsMatch(archive.FullExportSchedule), "archive.fullExportSchedule", "must be a cron(...) or rate(...) expression");

        ValidatePrincipals(config.Access.AuditorPrincipals, "access.auditorPrincipals", "auditor", errors);
        ValidatePrincipals(config.Access.OperatorPrincipals, "access.operatorPrincipals", "operator", errors);

        return errors;
    }

    private static void ValidatePrincipals(IReadOnlyList<string> principals, string key, string role, List<string> errors)
    {
        if (principals.Count == 0)
        {
            errors.Add($"'{key}' must list at least one IAM user or role ARN (the {role} role trusts nobody else).");
            return;
        }

        for (var i = 0; i < principals.Count; i++)
        {
            var principal = principals[i];
            if (!PrincipalPattern().IsMatch(principal ?? ""))
            {
                errors.Add($"'{key}[{i}]' ('{principal}') must be an IAM user or role ARN such as arn:aws:iam::111111111111:user/name or arn:aws:iam::111111111111:role/path/name.");
            }
            else if (principals.Take(i).Contains(principal, StringComparer.Ordinal))
            {
                errors.Add($"'{key}[{i}]' ('{principal}') is listed twice.");
            }
        }
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(cron|rate)\(.+\)$")]
    private static partial Regex SchedulePattern();

    [GeneratedRegex(@"^cron\((?<minute>[0-9]{1,2}) (?<hour>[0-9]{1,2}) \* \* \? \*\)$")]
    private static partial Regex DailyCronPattern();

    // IAM user or role ARN, with an optional path; wildcards are not principals.
    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:(user|role)/([\w+=,.@-]+/)*[\w+=,.@-]+$")]
    private static partial Regex PrincipalPattern();
}
