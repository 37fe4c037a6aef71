using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Validation.Reading;

/// <summary>
/// Reads an event from a parsed JSON message. Keeps every string it hands out, so a valid message
/// becomes an <see cref="AuditEvent"/> without decoding a string twice. A struct with inline slots:
/// reading allocates only the strings and lists the event is made of.
/// </summary>
internal struct JsonEventSource : IEventSource
{
    /// <summary>The members each part may have, taken from <see cref="EventFields"/>, indexed by part.</summary>
    private static readonly MemberNames[] AllowedMembers =
        [.. Enum.GetValues<EventPart>().Select(MembersOf)];

    private readonly JsonElement _root;
    private PartSlots _parts;
    private StringSlots _strings;
    private ListSlots _lists;
    private List<string>? _queryRecordIds;
    private List<string>? _responseRecordIds;

    public JsonEventSource(JsonElement root)
    {
        _root = root;
        _parts[(int)EventPart.Root] = root;
    }

    public readonly JsonValueKind RootKind => _root.ValueKind;

    public JsonValueKind PartKind(EventPart part)
    {
        if (part == EventPart.Root)
        {
            return _root.ValueKind;
        }

        if (!_root.TryGetProperty(EventFields.NameOf(part), out var value))
        {
            return JsonValueKind.Undefined;
        }

        _parts[(int)part] = value;
        return value.ValueKind;
    }

    public readonly Rejection? CheckMembers(EventPart part)
    {
        // Objects have at most ten known members: a bit per allowed name finds duplicates
        // without allocating, and comparing UTF-8 names avoids materializing every member name.
        var allowed = AllowedMembers[(int)part];
        var seen = 0;
        foreach (var member in _parts[(int)part].EnumerateObject())
        {
            var index = allowed.IndexOf(member);
            if (index < 0)
            {
                return new Rejection(RejectionCode.UnknownField, $"field '{SafeName(allowed.Join(member.Name))}' is not part of schema version 1");
            }

            if ((seen & (1 << index)) != 0)
            {
                return new Rejection(RejectionCode.DuplicateField, $"field '{allowed.Join(allowed.Name(index))}' appears more than once");
            }

            seen |= 1 << index;
        }

        return null;
    }

    public readonly bool? IsCurrentSchemaVersion() =>
        _root.TryGetProperty("schemaVersion"u8, out var version)
            ? version.ValueKind == JsonValueKind.Number && version.TryGetDecimal(out var value) && value == AuditEvent.CurrentSchemaVersion
            : null;

    public JsonValueKind String(EventField field, out string? value)
    {
        value = null;
        if (!_parts[(int)EventFields.PartOf(field)].TryGetProperty(EventFields.NameOf(field), out var element))
        {
            return JsonValueKind.Undefined;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            value = _strings[(int)field] = element.GetString();
        }

        return element.ValueKind;
    }

    public JsonValueKind List(EventField field, out int count)
    {
        count = 0;
        if (!_parts[(int)EventFields.PartOf(field)].TryGetProperty(EventFields.NameOf(field), out var element))
        {
            return JsonValueKind.Undefined;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            count = element.GetArrayLength();
            _lists[ListSlot(field)] = element;
            if (field == EventField.QueryRecordIds)
            {
                _queryRecordIds = new List<string>(count);
            }
            else
            {
                _responseRecordIds = new List<string>(count);
            }
        }

        return element.ValueKind;
    }

    public JsonValueKind ListItem(EventField field, int index, out string? value)
    {
        // The reader asks for items in order and goes back only to items it has read.
        var items = ItemsOf(field)!;
        if (index < items.Count)
        {
            value = items[index];
            return JsonValueKind.String;
        }

        var item = _lists[ListSlot(field)][index];
        value = null;
        if (item.ValueKind == JsonValueKind.String)
        {
            value = item.GetString()!;
            items.Add(value);
        }

        return item.ValueKind;
    }

    /// <summary>The event, once <see cref="EventReader{TSource}"/> found the message valid.</summary>
    public readonly AuditEvent ToEvent() => new()
    {
        SchemaVersion = AuditEvent.CurrentSchemaVersion,
        EventId = Text(EventField.EventId),
        EventType = Text(EventField.EventType),
        OccurredAt = Text(EventField.OccurredAt),
        Actor = new Actor(Text(EventField.ActorId), Text(EventField.ActorType)),
        Origin = new Origin(Text(EventField.OriginService), _strings[(int)EventField.OriginIp], _strings[(int)EventField.OriginRequestId]),
        Query = Has(EventPart.Query) ? new QueryDetails(_queryRecordIds, _strings[(int)EventField.QueryDescription]) : null,
        Response = Has(EventPart.Response) ? new ResponseDetails(_responseRecordIds!) : null,
        Outcome = new Outcome(Text(EventField.OutcomeResult), _strings[(int)EventField.OutcomeReason]),
        Payment = Has(EventPart.Payment) ? new PaymentDetails(Text(EventField.PaymentId), Text(EventField.PaymentAmount), Text(EventField.PaymentCurrency)) : null,
    };

    private static MemberNames MembersOf(EventPart part)
    {
        var fields = Enum.GetValues<EventField>().Where(f => EventFields.PartOf(f) == part).Select(f => Encoding.UTF8.GetString(EventFields.NameOf(f)));
        if (part != EventPart.Root)
        {
            return new MemberNames(Encoding.UTF8.GetString(EventFields.NameOf(part)), [.. fields]);
        }

        var nested = Enum.GetValues<EventPart>().Where(p => p != EventPart.Root).Select(p => Encoding.UTF8.GetString(EventFields.NameOf(p)));
        return new MemberNames(string.Empty, ["schemaVersion", .. fields, .. nested]);
    }

    /// <summary>The event has two lists: query and response record ids.</summary>
    private static int ListSlot(EventField field) => field == EventField.QueryRecordIds ? 0 : 1;

    private readonly string Text(EventField field) => _strings[(int)field]!;

    private readonly bool Has(EventPart part) => _parts[(int)part].ValueKind == JsonValueKind.Object;

    private readonly List<string>? ItemsOf(EventField field) =>
        field == EventField.QueryRecordIds ? _queryRecordIds : _responseRecordIds;

    /// <summary>
    /// Unknown field names come from the sender: keep them short and printable in reasons, and
    /// never let one carry a card number. The name is masked before the non-printable characters
    /// become '?' and again after, since a '?' can join digit groups into a new card number.
    /// </summary>
    private static string SafeName(string name)
    {
        var masked = CardNumberDetector.Mask(name).Masked;
        var printable = CardNumberDetector.Mask(new string(masked.Select(c => c is >= ' ' and <= '~' ? c : '?').Take(64).ToArray())).Masked;
        return masked.Length > 64 ? printable + "..." : printable;
    }

    /// <summary>The members an object of the contract may have, as names for reasons and as UTF-8 for matching.</summary>
    private sealed class MemberNames(string path, string[] names)
    {
        private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

        public string Name(int index) => names[index];

        public int IndexOf(JsonProperty member)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (member.NameEquals(_utf8[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        public string Join(string name) => path.Length == 0 ? name : $"{path}.{name}";
    }

    [InlineArray(EventFields.PartCount)]
    private struct PartSlots
    {
        private JsonElement _first;
    }

    [InlineArray(EventFields.Count)]
    private struct StringSlots
    {
        private string? _first;
    }

    [InlineArray(2)]
    private struct ListSlots
    {
        private JsonElement _first;
    }
}
