namespace PaymentAudit.Auditing.Targets;

/// <summary>Where an auditor command points.</summary>
public enum TargetKind
{
    /// <summary>The pipeline <c>paymentaudit local up</c> runs on this machine's emulators.</summary>
    Local,

    /// <summary>A deployed stack, found through the SSM parameters it publishes.</summary>
    Environment,

    /// <summary>Resources named one by one on the command line.</summary>
    Explicit,
}
