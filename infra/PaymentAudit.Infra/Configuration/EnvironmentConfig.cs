namespace PaymentAudit.Infra.Configuration;

/// <summary>
/// Everything that differs between deployments of the audit trail, read from
/// <c>infra/config/&lt;environment&gt;.json</c>. Every key is required; optional values are
/// written explicitly as <c>null</c> so a reviewer sees the choice in the file.
/// </summary>
public sealed record EnvironmentConfig
{
    /// <summary>Environment name (the config file's name), e.g. <c>dev</c>. Set by the loader, not read from the file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Name { get; init; } = "";

    /// <summary>AWS account id (12 digits) the stack deploys to.</summary>
    public required string Account { get; init; }

    /// <summary>AWS region the stack deploys to.</summary>
    public required string Region { get; init; }

    /// <summary>Value of the <c>DataClassification</c> tag on every resource.</summary>
    public required string DataClassification { get; init; }

    /// <summary>Keep the table, keys, buckets and vault when the stack is deleted.</summary>
    public required bool RetainDataOnDelete { get; init; }

    /// <summary>CloudFormation termination protection on the stack.</summary>
    public required bool TerminationProtection { get; init; }

    /// <summary>Writer Lambda settings.</summary>
    public required WriterConfig Writer { get; init; }

    /// <summary>History indexer Lambda and its schedule.</summary>
    public required IndexerConfig Indexer { get; init; }

    /// <summary>Digest Lambda and its schedule.</summary>
    public required DigestConfig Digests { get; init; }

    /// <summary>Audit table settings.</summary>
    public required TableConfig Table { get; init; }

    /// <summary>Audit queue settings.</summary>
    public required QueueConfig Queue { get; init; }

    /// <summary>Alarm thresholds and recipients.</summary>
    public required AlarmConfig Alarms { get; init; }

    /// <summary>AWS Backup plan and vault lock.</summary>
    public required BackupConfig Backup { get; init; }

    /// <summary>Archive bucket and scheduled exports.</summary>
    public required ArchiveConfig Archive { get; init; }

    /// <summary>Principals trusted by the auditor and operator roles.</summary>
    public required AccessConfig Access { get; init; }
}
