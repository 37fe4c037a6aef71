namespace PaymentAudit.Core.Ports;

/// <summary>Result of <see cref="IChainStore.AppendAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="ExistingGuardKeys">With <see cref="AppendStatus.AlreadyStored"/>: the guards that already exist.</param>
public sealed record AppendResult(AppendStatus Status, IReadOnlyList<string> ExistingGuardKeys)
{
    /// <summary>The append succeeded.</summary>
    public static AppendResult Appended { get; } = new(AppendStatus.Appended, []);

    /// <summary>The head had moved.</summary>
    public static AppendResult HeadMoved { get; } = new(AppendStatus.HeadMoved, []);

    /// <summary>Some guards already exist.</summary>
    public static AppendResult AlreadyStored(IReadOnlyList<string> guardKeys) => new(AppendStatus.AlreadyStored, guardKeys);
}
