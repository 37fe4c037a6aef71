namespace PaymentAudit.Core.Digests;

/// <summary>What one digester run wrote.</summary>
/// <param name="Key">The digest's object key.</param>
/// <param name="Chains">Chains in the digest.</param>
/// <param name="Moved">Chains whose head moved since the previous digest.</param>
/// <param name="Previous">The previous digest's key, or null for the first.</param>
public sealed record DigestRun(string Key, int Chains, int Moved, string? Previous);
