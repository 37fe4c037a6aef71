namespace PaymentAudit.Core.Contract;

/// <summary>Allowed values of <see cref="Outcome.Result"/>.</summary>
public static class OutcomeResults
{
    /// <summary>The access succeeded.</summary>
    public const string Success = "success";

    /// <summary>The access was attempted and failed.</summary>
    public const string Failure = "failure";

    /// <summary>The access was refused by an authorization check.</summary>
    public const string Denied = "denied";
}
