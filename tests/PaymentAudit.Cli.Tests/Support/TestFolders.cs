namespace PaymentAudit.Cli.Tests.Support;

/// <summary>Scratch folders for tests, under the system's temporary folder.</summary>
public static class TestFolders
{
    /// <summary>Creates an empty folder no other test uses and returns its path.</summary>
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "paymentaudit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Removes a folder a test created, if it can (a process may still hold a file in it).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
