namespace PaymentAudit.Core.Tests.Support;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries holding PaymentAudit.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>Absolute path of <paramref name="relative"/> under the repository root.</summary>
    public static string Combine(params string[] relative) => System.IO.Path.Combine([Path, .. relative]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "PaymentAudit.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No PaymentAudit.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
