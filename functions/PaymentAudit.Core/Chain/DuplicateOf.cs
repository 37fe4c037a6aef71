namespace PaymentAudit.Core.Chain;

/// <summary>Where the event a conflicting duplicate repeats is stored, and what its content hashed to.</summary>
/// <param name="ChainId">Chain of the stored event.</param>
/// <param name="Seq">Position of the stored event.</param>
/// <param name="EventHash">SHA-256 (hex) of the stored event's canonical JSON.</param>
public sealed record DuplicateOf(string ChainId, long Seq, string EventHash);
