namespace PaymentAudit.Http.Tests.Support;

/// <summary>The schema corpus of the Core tests: samples filed by verdict, refused ones named by their rejection code.</summary>
public static class Corpus
{
    public static string Folder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PaymentAudit.sln")))
                {
                    return Path.Combine(directory.FullName, "tests", "PaymentAudit.Core.Tests", "Schema", "Corpus");
                }
            }

            throw new DirectoryNotFoundException("No PaymentAudit.sln above the test output.");
        }
    }

    /// <summary>Names such as <c>invalid/missing_field__actor.json</c>.</summary>
    public static IEnumerable<string> Names(params string[] kinds) =>
        kinds.SelectMany(kind => Directory.EnumerateFiles(Path.Combine(Folder, kind), "*.json").Select(file => $"{kind}/{Path.GetFileName(file)}"))
            .Order(StringComparer.Ordinal);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    /// <summary>The rejection code a refused sample is filed under; null for accepted ones.</summary>
    public static string? ExpectedCode(string name) =>
        name.StartsWith("valid/", StringComparison.Ordinal) || name.StartsWith("redacted/", StringComparison.Ordinal)
            ? null
            : Path.GetFileName(name).Split("__")[0];
}
