namespace PaymentAudit.Core.Digests;

/// <summary>
/// A signed commitment to every chain's head at one moment, kept in Object-Locked storage. Stored
/// as RFC 8785 canonical JSON (<see cref="DigestDocumentFile"/>); its SHA-256 is signed, and the
/// signature is stored beside it and in the next digest.
/// </summary>
/// <param name="Format">Document format (<see cref="CurrentFormat"/>).</param>
/// <param name="Environment">The deployment, e.g. <c>prod</c>.</param>
/// <param name="TableArn">The audit table the heads were read from.</param>
/// <param name="DigestTime">When the heads were read (RFC 3339 UTC, whole seconds).</param>
/// <param name="PeriodSeconds">How often digests are made: a longer gap between two is a missing digest.</param>
/// <param name="Previous">The digest before this one; null for the first.</param>
/// <param name="Chains">Every chain in the directory, by chain id.</param>
public sealed record DigestDocument(
    int Format,
    string Environment,
    string TableArn,
    string DigestTime,
    long PeriodSeconds,
    DigestLink? Previous,
    IReadOnlyList<DigestedChain> Chains)
{
    /// <summary>The format this release writes and reads.</summary>
    public const int CurrentFormat = 1;
}
