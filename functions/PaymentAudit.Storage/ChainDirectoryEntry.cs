namespace PaymentAudit.Storage;

/// <summary>One chain as the chain directory lists it.</summary>
/// <param name="ChainId">The chain.</param>
/// <param name="RegisteredAt">When its first record was about to be written.</param>
public sealed record ChainDirectoryEntry(string ChainId, string RegisteredAt);
