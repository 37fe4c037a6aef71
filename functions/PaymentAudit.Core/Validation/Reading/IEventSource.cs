using System.Text.Json;

namespace PaymentAudit.Core.Validation.Reading;

/// <summary>
/// What <see cref="EventReader{TSource}"/> reads an event from: a parsed JSON message, or an event
/// object about to be serialized. Kinds are reported as in JSON, and an absent value (or a null
/// property, which serialization omits) is <see cref="JsonValueKind.Undefined"/>.
/// </summary>
internal interface IEventSource
{
    /// <summary>The kind of the whole value.</summary>
    JsonValueKind RootKind { get; }

    /// <summary>The kind of <paramref name="part"/>'s value in the event object.</summary>
    JsonValueKind PartKind(EventPart part);

    /// <summary>The first unknown or repeated member of <paramref name="part"/> (an object), or null.</summary>
    Rejection? CheckMembers(EventPart part);

    /// <summary>Null when <c>schemaVersion</c> is absent; otherwise whether it is the supported version.</summary>
    bool? IsCurrentSchemaVersion();

    /// <summary>The kind of <paramref name="field"/>; <paramref name="value"/> is set when it is a string.</summary>
    JsonValueKind String(EventField field, out string? value);

    /// <summary>The kind of the list <paramref name="field"/>; <paramref name="count"/> is set when it is an array.</summary>
    JsonValueKind List(EventField field, out int count);

    /// <summary>The kind of item <paramref name="index"/> of the list <paramref name="field"/>; <paramref name="value"/> is set when it is a string.</summary>
    JsonValueKind ListItem(EventField field, int index, out string? value);
}
