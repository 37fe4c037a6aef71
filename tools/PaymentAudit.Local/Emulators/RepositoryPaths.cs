namespace PaymentAudit.Local.Emulators;

/// <summary>Finds the repository root (where package.json and node_modules live) from any working folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: <c>PAYMENTAUDIT_ROOT</c> if set, else the nearest ancestor holding PaymentAudit.sln.</summary>
    public static string Root()
    {
        var configured = Environment.GetEnvironmentVariable("PAYMENTAUDIT_ROOT");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "PaymentAudit.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new EmulatorStartException("Cannot find the repository root (PaymentAudit.sln). Run from inside the repository or set PAYMENTAUDIT_ROOT.");
    }

    /// <summary>A path inside the repository's node_modules, checked to exist.</summary>
    public static string NodeModule(string relative)
    {
        var path = Path.Combine(Root(), "node_modules", relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new EmulatorStartException($"'{path}' is missing: run 'npm ci' in the repository root (./build.sh does it).");
        }

        return path;
    }
}
