namespace PaymentAudit.Client.Internal;

/// <summary>SQS's rule for message group ids: 1-128 alphanumeric or punctuation characters.</summary>
internal static class MessageGroupIds
{
    internal const int MaxLength = 128;

    /// <remarks>
    /// Every printable ASCII character other than the space is a letter, a digit, or punctuation or
    /// a symbol, so the rule is one vectorized range check.
    /// </remarks>
    public static bool IsValid(string? groupId) =>
        !string.IsNullOrEmpty(groupId) && groupId.Length <= MaxLength && !groupId.AsSpan().ContainsAnyExceptInRange('!', '~');
}
