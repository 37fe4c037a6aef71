using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace PaymentAudit.Infra.Bundling;

/// <summary>
/// Builds a Lambda project into the asset folder with <c>dotnet publish</c> on the machine that
/// synthesizes, so no Docker is needed. CDK skips it when the asset hash is already staged in
/// cdk.out, and tests skip all bundling through the <c>aws:cdk:bundling-stacks</c> context.
/// </summary>
public sealed class DotnetPublishBundling : DeputyBase, ILocalBundling
{
    private readonly string projectPath;
    private readonly string workingDirectory;

    /// <summary>Publishes <paramref name="projectPath"/> from <paramref name="workingDirectory"/>.</summary>
    public DotnetPublishBundling(string projectPath, string workingDirectory)
    {
        this.projectPath = projectPath;
        this.workingDirectory = workingDirectory;
    }

    /// <summary>Publishes framework-dependent linux-arm64 output into <paramref name="outputDir"/>.</summary>
    /// <exception cref="InvalidOperationException">dotnet publish failed; the message holds its output.</exception>
    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", projectPath, "-c", "Release", "-r", "linux-arm64", "--self-contained", "false",
            "-o", outputDir, "-nologo", "--disable-build-servers",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Lingering MSBuild nodes would keep the redirected pipes open after publish exits.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("Could not start 'dotnet publish'.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish {projectPath} failed with exit code {process.ExitCode}:{System.Environment.NewLine}" +
                standardOutput.Result + standardError.Result);
        }

        // Returning false would make CDK fall back to Docker, which this project does not use.
        return true;
    }
}
