namespace PaymentAudit.Infra;

/// <summary>Paths the CDK app reads, resolved from the repository root (the folder holding cdk.json).</summary>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>Per-environment configuration files.</summary>
    public string ConfigDirectory => Path.Combine(Root, "infra", "config");

    /// <summary>Committed synthesized templates.</summary>
    public string SnapshotsDirectory => Path.Combine(Root, "infra", "snapshots");

    /// <summary>The CDK CLI's settings, including the feature-flag context.</summary>
    public string CdkJson => Path.Combine(Root, "cdk.json");

    /// <summary>Sources of the Lambda projects; every function's asset hash covers this folder.</summary>
    public string FunctionsDirectory => Path.Combine(Root, "functions");

    /// <summary>The writer Lambda project published into the asset.</summary>
    public string WriterProject => Path.Combine(FunctionsDirectory, "PaymentAudit.Writer", "PaymentAudit.Writer.csproj");

    /// <summary>The history indexer Lambda project published into the asset.</summary>
    public string IndexerProject => Path.Combine(FunctionsDirectory, "PaymentAudit.Indexer", "PaymentAudit.Indexer.csproj");

    /// <summary>The digest Lambda project published into the asset.</summary>
    public string DigestProject => Path.Combine(FunctionsDirectory, "PaymentAudit.Digest", "PaymentAudit.Digest.csproj");

    /// <summary>Finds the repository root at or above <paramref name="startDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above holds cdk.json and infra/config.</exception>
    public static RepositoryLayout Discover(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "cdk.json"))
                && Directory.Exists(Path.Combine(directory.FullName, "infra", "config")))
            {
                return new RepositoryLayout(directory.FullName);
            }
        }

        throw new DirectoryNotFoundException(
            $"No repository root (a folder with cdk.json and infra/config) at or above '{startDirectory}'.");
    }
}
