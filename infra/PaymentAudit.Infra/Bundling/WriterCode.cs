using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;

namespace PaymentAudit.Infra.Bundling;

/// <summary>The writer Lambda's code asset. Create one per stack: CDK cannot share an asset between stacks.</summary>
public static class WriterCode
{
    /// <summary>Managed runtime name; CDK 2.160 has no constant for .NET 10.</summary>
    public static readonly Runtime Runtime = new("dotnet10", RuntimeFamily.DOTNET_CORE);

    /// <summary>
    /// Asset whose hash covers the sources under functions/ (what the writer is built from) and
    /// whose content is the writer's <c>dotnet publish</c> output.
    /// </summary>
    public static Code FromRepository(RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return Code.FromAsset(layout.FunctionsDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            Exclude = ["**/bin", "**/obj", "**/TestResults"],
            Bundling = new BundlingOptions
            {
                // Required by the API but never pulled: local bundling always succeeds or throws.
                Image = Runtime.BundlingImage,
                Local = new DotnetPublishBundling(layout.WriterProject, layout.Root),
            },
        });
    }
}
