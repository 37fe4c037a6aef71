using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace PaymentAudit.Infra.Bundling;

/// <summary>
/// Code assets of the Lambda functions, each published from its own project under functions/.
/// Create one asset per function and stack: CDK cannot share an asset between stacks.
/// </summary>
public static class FunctionCode
{
    /// <summary>Managed runtime name; CDK 2.160 has no constant for .NET 10.</summary>
    public static readonly Runtime Runtime = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    // Build output and test results are not sources: they change on every build.
    private static readonly string[] Excluded = ["**/bin", "**/obj", "**/TestResults"];

    /// <summary>
    /// Asset whose content is the <c>dotnet publish</c> output of <paramref name="projectPath"/> and
    /// whose hash covers every source under functions/ (the project and the libraries it references)
    /// together with the project's path.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no project file at <paramref name="projectPath"/>.</exception>
    public static Code FromProject(RepositoryLayout layout, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(projectPath);
        if (!File.Exists(projectPath))
        {
            throw new FileNotFoundException($"No Lambda project at '{projectPath}'.", projectPath);
        }

        var project = Path.GetRelativePath(layout.Root, projectPath).Replace('\\', '/');
        return Code.FromAsset(layout.FunctionsDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            Exclude = Excluded,
            // Every function is published from the same folder with the same bundling options, so a
            // hash of the folder alone would be the same for all of them: CDK would stage (and
            // bundle) only the first and hand its output to the others. The project path makes
            // each function's hash its own; the fingerprint still changes with any source.
            AssetHashType = AssetHashType.CUSTOM,
            AssetHash = $"{project}:{Amazon.CDK.FileSystem.Fingerprint(layout.FunctionsDirectory, new FingerprintOptions { Exclude = Excluded })}",
            Bundling = new BundlingOptions
            {
                // Required by the API but never pulled: local bundling always succeeds or throws.
                Image = Runtime.BundlingImage,
                Local = new DotnetPublishBundling(projectPath, layout.Root),
            },
        });
    }
}
