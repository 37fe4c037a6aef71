using System.Text.Json;

namespace PaymentAudit.Http.Ingestion;

/// <summary>
/// The group id rule of both HTTP paths: the <c>X-Audit-Group</c> header when given, otherwise the
/// event's actor id exactly as sent. API Gateway's mapping templates cannot compute the client
/// library's FNV-1a hash, so the deployed API uses the actor id itself, and this endpoint does the
/// same so that one event lands in the same chain whichever path carried it (docs/http.md).
/// </summary>
public static class MessageGroups
{
    /// <summary>SQS's limit on a group id.</summary>
    public const int MaxLength = 128;

    /// <summary>True when <paramref name="groupId"/> is one SQS takes: 1-128 printable ASCII characters without spaces.</summary>
    public static bool IsValid(string? groupId) =>
        !string.IsNullOrEmpty(groupId) && groupId.Length <= MaxLength && !groupId.AsSpan().ContainsAnyExceptInRange('!', '~');

    /// <summary>
    /// The group of an event whose JSON is <paramref name="eventJson"/> (already validated): the
    /// header if given, else <c>actor.id</c> as it appears in the body (before any masking, as API
    /// Gateway reads it).
    /// </summary>
    public static string Of(JsonElement eventJson, string? header) =>
        !string.IsNullOrEmpty(header) ? header : eventJson.GetProperty("actor").GetProperty("id").GetString()!;
}
