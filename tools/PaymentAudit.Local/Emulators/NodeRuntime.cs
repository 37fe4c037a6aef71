namespace PaymentAudit.Local.Emulators;

/// <summary>
/// The Node.js programs the emulators run on. fauxqs 2.x needs Node 22.5 or later (it keeps its
/// persistent state with <c>node:sqlite</c>), which the npm package <c>node</c> installs into
/// <c>node_modules/node/bin</c>; everything else (the launcher that ties DynamoDB Local to its
/// parent, the CDK CLI) runs on the Node found on the PATH.
/// </summary>
public static class NodeRuntime
{
    /// <summary>The Node on the PATH.</summary>
    public const string OnPath = "node";

    /// <summary>The Node 22 that <c>npm ci</c> installed for fauxqs, checked to exist.</summary>
    /// <exception cref="EmulatorStartException">It is missing (npm ci not run, or install scripts disabled).</exception>
    public static string ForFauxqs()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "node_modules", "node", "bin", OperatingSystem.IsWindows() ? "node.exe" : "node");
        if (!File.Exists(path))
        {
            throw new EmulatorStartException(
                $"'{path}' is missing: fauxqs runs on the Node 22 of the npm package 'node'. Run 'npm ci' in the repository root "
                + "(./build.sh does it) and allow that package's install script, which downloads the Node binary.");
        }

        return path;
    }

    /// <summary>A launcher script of this project (in <c>tools/PaymentAudit.Local</c>), checked to exist.</summary>
    /// <exception cref="EmulatorStartException">It is missing.</exception>
    public static string Script(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root(), "tools", "PaymentAudit.Local", relativePath);
        if (!File.Exists(path))
        {
            throw new EmulatorStartException($"The launcher '{path}' is missing.");
        }

        return path;
    }
}
