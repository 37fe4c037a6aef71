namespace PaymentAudit.Local.Emulators;

/// <summary>
/// Keeps a second persisting run off a data folder while one uses it: two emulator pairs over the
/// same stores would each hold their own view of the queues and overwrite each other. The lock is
/// an exclusive open of <c>&lt;data folder&gt;/.lock</c>; the operating system drops it when the
/// process ends, however it ends, so a crash never leaves the folder locked.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock of <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="EmulatorStartException">Another run holds it.</exception>
    public static DataFolderLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, ".lock");
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new EmulatorStartException(
                $"The data folder '{dataDirectory}' is in use by another local run that persists to it. Stop that run, "
                + "or give this one another --data-dir (or --in-memory).",
                ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
