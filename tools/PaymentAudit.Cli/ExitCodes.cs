namespace PaymentAudit.Cli;

/// <summary>Process exit codes of the CLI.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>The demo ran but lost an event, stored one twice, did not drain, or a chain failed to verify.</summary>
    public const int DemoFailed = 1;

    /// <summary>Bad usage or configuration.</summary>
    public const int Usage = 2;

    /// <summary>An emulator could not start (port taken, Java or Node missing).</summary>
    public const int EmulatorFailed = 3;

    /// <summary>An auditor command could not reach the trail's store (table, queue, bucket, parameters).</summary>
    public const int StoreUnreachable = 3;

    /// <summary><c>verify</c> found violations.</summary>
    public const int ViolationsFound = 4;

    /// <summary>The read's own audit event could not be recorded, so nothing was shown (fail closed).</summary>
    public const int ReadNotAudited = 5;

    /// <summary>Stopped with Ctrl+C; what was printed is partial (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
