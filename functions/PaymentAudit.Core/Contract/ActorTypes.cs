namespace PaymentAudit.Core.Contract;

/// <summary>Allowed values of <see cref="Actor.Type"/>.</summary>
public static class ActorTypes
{
    /// <summary>A person.</summary>
    public const string User = "user";

    /// <summary>A system or service account.</summary>
    public const string Service = "service";
}
