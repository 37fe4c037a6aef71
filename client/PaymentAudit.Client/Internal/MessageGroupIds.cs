namespace PaymentAudit.Client.Internal;

/// <summary>SQS's rule for message group ids: 1-128 alphanumeric or punctuation characters.</summary>
internal static class MessageGroupIds
{
    internal const int MaxLength = 128;

    public static bool IsValid(string? groupId)
    {
        if (string.IsNullOrEmpty(groupId) || groupId.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in groupId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !(char.IsAscii(c) && char.IsPunctuation(c)) && !(char.IsAscii(c) && char.IsSymbol(c)))
            {
                return false;
            }
        }

        return true;
    }
}
