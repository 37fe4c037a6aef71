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
}
