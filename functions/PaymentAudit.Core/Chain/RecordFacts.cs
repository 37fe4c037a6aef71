using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using PaymentAudit.Core.Canonical;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Chain;

/// <summary>
/// What a record body says about itself, located in its UTF-8 bytes by one forward pass that also
/// decides whether the bytes are certainly canonical. Values stay where they are in the body: the
/// verifier compares them with the stored attributes in place, and strings are made only for a
/// <see cref="RecordProjection"/> or a finding's text.
/// </summary>
/// <remarks>
/// <para>
/// The pass expects the shapes the writer writes, in canonical form: at each member it matches the
/// next known name, quoted and followed by its colon, in canonical order, and it reads strings with
/// the escapes JSON.stringify writes and integers in plain form (<see cref="CanonicalScalars"/>).
/// Whitespace, an unknown or repeated member, a member out of order, a fraction or anything else
/// stops it; the body is then read again by System.Text.Json's reader as any JSON, and canonical form
/// is left for the caller to decide exactly.
/// </para>
/// <para>
/// The stored event is read for its shape (the members a projection needs, with their JSON types),
/// not re-validated against the contract. Facts are what <see cref="RecordProjection.TryRead(JsonElement, AuditEventValidator, out string?)"/>
/// derives from the same body whenever that accepts it, as tests pin. A body that repeats a member
/// name has no canonical form and is refused before its facts are used, so which occurrence they hold
/// is left open. One instance is reused for record after record (not thread-safe); values index into
/// the body last read, which the caller passes back in.
/// </para>
/// </remarks>
internal sealed class RecordFacts
{
    private const int MaxNameBytes = 32;

    private static readonly Member[][] Members = BuildMembers();

    private readonly Value[] _values = new Value[(int)Field.Count];
    private readonly List<Value> _items = [];
    private readonly char[] _timestamp = new char[32];
    private readonly byte[] _name = new byte[MaxNameBytes];
    private int _timestampLength;
    private bool _rootIsObject;
    private string? _userIdOfPayload;
    private int _schemaVersion;

    /// <summary>How a body read.</summary>
    public enum Verdict
    {
        /// <summary>Not one JSON value (or nested deeper than the limit).</summary>
        NotJson,

        /// <summary>JSON, certainly in canonical form.</summary>
        Canonical,

        /// <summary>JSON whose canonical form this pass does not settle: the exact comparison decides.</summary>
        Unsettled,
    }

    /// <summary>The seed attributes and other values the verifier compares with what is stored beside the body.</summary>
    public enum Fact
    {
        /// <summary>Chain id in the body.</summary>
        ChainId,

        /// <summary>Receive time in the body.</summary>
        ReceivedAt,

        /// <summary>Event id of an accepted record (none for a quarantined one).</summary>
        EventId,

        /// <summary>Event type of an accepted record (none for a quarantined one).</summary>
        EventType,

        /// <summary><c>user_id</c>.</summary>
        UserId,

        /// <summary><c>timestamp</c>.</summary>
        Timestamp,

        /// <summary><c>query_record_id</c>.</summary>
        QueryRecordId,

        /// <summary><c>query_result</c>.</summary>
        QueryResult,
    }

    private enum Part : byte
    {
        Root,
        Event,
        Actor,
        Origin,
        Outcome,
        Payment,
        Query,
        Response,
        Rejection,
        DuplicateOf,
        Count,
        None,
    }

    private enum Field : byte
    {
        ChainId,
        Event,
        Format,
        MessageId,
        ReceivedAt,
        Redacted,
        Rejection,
        Seq,
        Status,
        Actor,
        EventId,
        EventType,
        OccurredAt,
        Origin,
        Outcome,
        Payment,
        Query,
        Response,
        SchemaVersion,
        ActorId,
        ActorType,
        OriginIp,
        OriginRequestId,
        OriginService,
        OutcomeReason,
        OutcomeResult,
        PaymentAmount,
        PaymentCurrency,
        PaymentId,
        QueryDescription,
        QueryRecordIds,
        ResponseRecordIds,
        RejectionActorId,
        RejectionCode,
        RejectionDuplicateOf,
        RejectionEventHash,
        RejectionPayload,
        RejectionPayloadBytes,
        RejectionPayloadSha256,
        RejectionPreview,
        RejectionPreviewTruncated,
        RejectionReason,
        DuplicateChainId,
        DuplicateEventHash,
        DuplicateSeq,
        Count,
        None,
    }

    /// <summary>The body's format (<see cref="RecordFormat"/>); valid once <see cref="Problem"/> is null.</summary>
    public int Format { get; private set; }

    /// <summary>The sequence number in the body.</summary>
    public long Seq { get; private set; }

    /// <summary>True for an accepted event, false for a quarantined message.</summary>
    public bool IsAccepted { get; private set; }

    /// <summary>Why the body is not a readable record; null when it is.</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// Reads <paramref name="body"/>: locates every fact, settles canonical form when it can, and sets
    /// <see cref="Problem"/> when the body is JSON but not a readable record.
    /// </summary>
    public Verdict Read(ReadOnlySpan<byte> body)
    {
        Verdict verdict;
        Reset();
        if (Utf8.IsValid(body) && ReadCanonical(body))
        {
            verdict = Verdict.Canonical;
        }
        else
        {
            // Not canonical, or not in a shape the writer writes: read it again as any JSON.
            Reset();
            try
            {
                ReadAnyJson(body);
            }
            catch (JsonException)
            {
                return Verdict.NotJson;
            }

            verdict = Verdict.Unsettled;
        }

        try
        {
            Problem = Derive(body);
        }
        catch (InvalidOperationException)
        {
            // An escape that decodes to a lone surrogate: such a body has no canonical form, which
            // the exact comparison reports; the facts are not used.
            Problem = Unreadable("a string does not decode");
        }

        return verdict;
    }

    /// <summary>True when <paramref name="fact"/> is exactly <paramref name="stored"/> (both absent counts as equal).</summary>
    public bool Matches(ReadOnlySpan<byte> body, Fact fact, string? stored)
    {
        var source = SourceOf(fact);
        return source.Kind switch
        {
            SourceKind.Value => TextEquals(body, source.Value, stored),
            SourceKind.Timestamp => stored is not null && _timestamp.AsSpan(0, _timestampLength).SequenceEqual(stored),
            _ => string.Equals(source.Literal, stored, StringComparison.Ordinal),
        };
    }

    /// <summary>
    /// True when the body's response record ids, joined by line feeds, are <paramref name="stored"/>
    /// joined the same way: the attribute's comparison since the first release.
    /// </summary>
    public bool ResponseRecordIdsMatch(ReadOnlySpan<byte> body, IReadOnlyList<string> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var ids = ResponseRecordIds();
        if (ids.Length == stored.Count)
        {
            var same = true;
            for (var i = 0; i < ids.Length && same; i++)
            {
                same = TextEquals(body, ids[i], stored[i]);
            }

            if (same)
            {
                return true;
            }
        }

        // Lists that differ item by item can still join alike (an id holding a line feed): rare, so decoded.
        var derived = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            derived[i] = Decode(body, ids[i]);
        }

        return string.Equals(string.Join('\n', stored), string.Join('\n', derived), StringComparison.Ordinal);
    }

    /// <summary><paramref name="fact"/> as a string: <paramref name="reuse"/> itself when equal, so nothing is allocated.</summary>
    public string? GetString(ReadOnlySpan<byte> body, Fact fact, string? reuse = null)
    {
        if (reuse is not null && Matches(body, fact, reuse))
        {
            return reuse;
        }

        var source = SourceOf(fact);
        return source.Kind switch
        {
            SourceKind.Value => Decode(body, source.Value),
            SourceKind.Timestamp => new string(_timestamp, 0, _timestampLength),
            _ => source.Literal,
        };
    }

    /// <summary>The projection of a readable body, for callers that look at each record (indexes, archives).</summary>
    public RecordProjection ToProjection(ReadOnlySpan<byte> body, ChainRecord stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (Problem is not null)
        {
            throw new InvalidOperationException("The body is not a readable record.");
        }

        var chainId = GetString(body, Fact.ChainId, stored.ChainId)!;
        var messageId = String(body, Field.MessageId);
        var receivedAt = GetString(body, Fact.ReceivedAt, stored.ReceivedAt)!;
        IReadOnlyList<string> redactions = Has(Field.Redacted) ? Strings(body, Field.Redacted, null) : [];
        if (IsAccepted)
        {
            var auditEvent = ToEvent(body, stored);
            return new RecordProjection(Format, chainId, Seq, RecordStatus.Accepted, messageId, receivedAt, auditEvent, SeedAttributes.From(auditEvent), redactions, null);
        }

        var code = String(body, Field.RejectionCode);
        var userId = GetString(body, Fact.UserId, stored.Seed.UserId)!;
        var seed = SeedAttributes.FromRejected(userId == SeedAttributes.Unknown ? null : userId, receivedAt);
        if (Format == RecordFormat.Transactional)
        {
            return new RecordProjection(Format, chainId, Seq, RecordStatus.Rejected, messageId, receivedAt, null, seed, redactions, new QuarantineDetails(code, null, null, false, null, null));
        }

        var duplicateOf = Has(Field.RejectionDuplicateOf)
            ? new DuplicateOf(String(body, Field.DuplicateChainId), _values[(int)Field.DuplicateSeq].Integer, String(body, Field.DuplicateEventHash))
            : null;
        var details = new QuarantineDetails(
            code,
            OptionalStringValue(body, Field.RejectionPayloadSha256),
            _values[(int)Field.RejectionPayloadBytes].Integer,
            _values[(int)Field.RejectionPreviewTruncated].Type == JsonTokenType.True,
            duplicateOf,
            OptionalStringValue(body, Field.RejectionEventHash));
        return new RecordProjection(Format, chainId, Seq, RecordStatus.Rejected, messageId, receivedAt, null, seed, redactions, details);
    }

    private static bool TextEquals(ReadOnlySpan<byte> body, Value value, string? expected)
    {
        if (expected is null || value.Type != JsonTokenType.String)
        {
            return false;
        }

        var raw = body.Slice(value.Start, value.Length);
        if (!value.Escaped)
        {
            if (Ascii.Equals(raw, expected))
            {
                return true;
            }

            if (Ascii.IsValid(raw))
            {
                // Plain ASCII decodes to itself, one character per byte.
                return false;
            }
        }

        char[]? rented = null;
        var chars = raw.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        try
        {
            var length = DecodeInto(body, value, chars);
            return chars[..length].SequenceEqual(expected);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Decodes a string value (unescaping it) into <paramref name="destination"/>, which holds at least its raw length.</summary>
    private static int DecodeInto(ReadOnlySpan<byte> body, Value value, Span<char> destination)
    {
        if (!value.Escaped)
        {
            return Encoding.UTF8.GetChars(body.Slice(value.Start, value.Length), destination);
        }

        var reader = new Utf8JsonReader(body.Slice(value.Start - 1, value.Length + 2));
        reader.Read();
        return reader.CopyString(destination);
    }

    private static string Decode(ReadOnlySpan<byte> body, Value value)
    {
        if (!value.Escaped)
        {
            return Encoding.UTF8.GetString(body.Slice(value.Start, value.Length));
        }

        var reader = new Utf8JsonReader(body.Slice(value.Start - 1, value.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    /// <summary>
    /// The index of the current member name among <paramref name="part"/>'s known members, or -1.
    /// Most bodies name members in the order of the table, so the search starts after the previous
    /// match (<paramref name="next"/>).
    /// </summary>
    private int Match(ref Utf8JsonReader reader, Part part, ref int next)
    {
        scoped ReadOnlySpan<byte> name;
        if (!reader.ValueIsEscaped)
        {
            name = reader.ValueSpan;
        }
        else if (reader.ValueSpan.Length <= _name.Length)
        {
            // Unescaping never lengthens a name.
            try
            {
                name = _name.AsSpan(0, reader.CopyString(_name));
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }
        else
        {
            return -1;
        }

        var members = Members[(int)part];
        for (var i = next; i < members.Length; i++)
        {
            if (name.SequenceEqual(members[i].Name))
            {
                next = i + 1;
                return i;
            }
        }

        for (var i = 0; i < next && i < members.Length; i++)
        {
            if (name.SequenceEqual(members[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    private static Member[][] BuildMembers()
    {
        var members = new Member[(int)Part.Count][];
        members[(int)Part.Root] =
        [
            new("chainId"u8, Field.ChainId), new("event"u8, Field.Event, Part.Event), new("format"u8, Field.Format),
            new("messageId"u8, Field.MessageId), new("receivedAt"u8, Field.ReceivedAt), new("redacted"u8, Field.Redacted, isList: true),
            new("rejection"u8, Field.Rejection, Part.Rejection), new("seq"u8, Field.Seq), new("status"u8, Field.Status),
        ];
        members[(int)Part.Event] =
        [
            new("actor"u8, Field.Actor, Part.Actor), new("eventId"u8, Field.EventId), new("eventType"u8, Field.EventType),
            new("occurredAt"u8, Field.OccurredAt), new("origin"u8, Field.Origin, Part.Origin), new("outcome"u8, Field.Outcome, Part.Outcome),
            new("payment"u8, Field.Payment, Part.Payment), new("query"u8, Field.Query, Part.Query), new("response"u8, Field.Response, Part.Response),
            new("schemaVersion"u8, Field.SchemaVersion),
        ];
        members[(int)Part.Actor] = [new("id"u8, Field.ActorId), new("type"u8, Field.ActorType)];
        members[(int)Part.Origin] = [new("ip"u8, Field.OriginIp), new("requestId"u8, Field.OriginRequestId), new("service"u8, Field.OriginService)];
        members[(int)Part.Outcome] = [new("reason"u8, Field.OutcomeReason), new("result"u8, Field.OutcomeResult)];
        members[(int)Part.Payment] = [new("amount"u8, Field.PaymentAmount), new("currency"u8, Field.PaymentCurrency), new("paymentId"u8, Field.PaymentId)];
        members[(int)Part.Query] = [new("description"u8, Field.QueryDescription), new("recordIds"u8, Field.QueryRecordIds, isList: true)];
        members[(int)Part.Response] = [new("recordIds"u8, Field.ResponseRecordIds, isList: true)];
        members[(int)Part.Rejection] =
        [
            new("actorId"u8, Field.RejectionActorId), new("code"u8, Field.RejectionCode), new("duplicateOf"u8, Field.RejectionDuplicateOf, Part.DuplicateOf),
            new("eventHash"u8, Field.RejectionEventHash), new("payload"u8, Field.RejectionPayload), new("payloadBytes"u8, Field.RejectionPayloadBytes),
            new("payloadSha256"u8, Field.RejectionPayloadSha256), new("preview"u8, Field.RejectionPreview), new("previewTruncated"u8, Field.RejectionPreviewTruncated),
            new("reason"u8, Field.RejectionReason),
        ];
        members[(int)Part.DuplicateOf] = [new("chainId"u8, Field.DuplicateChainId), new("eventHash"u8, Field.DuplicateEventHash), new("seq"u8, Field.DuplicateSeq)];

        // The canonical reader relies on it: a member found after the previous one sorts after it.
        foreach (var part in members)
        {
            for (var i = 1; i < part.Length; i++)
            {
                if (part[i - 1].Name.AsSpan().SequenceCompareTo(part[i].Name) >= 0)
                {
                    throw new InvalidOperationException($"Member '{Encoding.UTF8.GetString(part[i].Name)}' is out of canonical order.");
                }
            }
        }

        return members;
    }

    private static string Unreadable(string what) => $"body is not a readable record ({what})";

    private void Reset()
    {
        Array.Clear(_values);
        _items.Clear();
        _timestampLength = 0;
        _userIdOfPayload = null;
        Problem = null;
        Format = 0;
        Seq = 0;
        IsAccepted = false;
        _rootIsObject = false;
    }

    /// <summary>
    /// Reads a body in canonical form and in a shape the writer writes: every member a known one, in
    /// the order of the table (which is canonical order), every value a string, a plain integer,
    /// <c>true</c>/<c>false</c>, a known object or a list of strings. False at the first byte that
    /// is anything else; the general reader then takes the body.
    /// </summary>
    private bool ReadCanonical(ReadOnlySpan<byte> json)
    {
        var p = 0;
        _rootIsObject = true;
        return At(json, p, (byte)'{') && ReadCanonicalObject(json, ref p, Part.Root) && p == json.Length;
    }

    private bool ReadCanonicalObject(ReadOnlySpan<byte> json, ref int p, Part part)
    {
        p++;
        if (At(json, p, (byte)'}'))
        {
            p++;
            return true;
        }

        var members = Members[(int)part];
        var next = 0;
        while (true)
        {
            // Matching '"name":' at the cursor settles the name, its order (the table is sorted) and the colon.
            var rest = json[p..];
            var index = next;
            while (index < members.Length && !rest.StartsWith(members[index].Key))
            {
                index++;
            }

            if (index == members.Length)
            {
                return false;
            }

            next = index + 1;
            p += members[index].Key.Length;
            if (!ReadCanonicalValue(json, ref p, members[index]) || p >= json.Length)
            {
                return false;
            }

            var separator = json[p++];
            if (separator == (byte)'}')
            {
                return true;
            }

            if (separator != (byte)',')
            {
                return false;
            }
        }
    }

    private bool ReadCanonicalValue(ReadOnlySpan<byte> json, ref int p, Member member)
    {
        if (p >= json.Length)
        {
            return false;
        }

        ref var value = ref _values[(int)member.Field];
        switch (json[p])
        {
            case (byte)'"':
                var end = CanonicalScalars.StringEnd(json, p + 1, out var escaped);
                if (end < 0)
                {
                    return false;
                }

                value = new Value(JsonTokenType.String, p + 1, end - p - 1, escaped);
                p = end + 1;
                return true;
            case (byte)'{' when member.Child != Part.None:
                value = new Value(JsonTokenType.StartObject, p, 1, false);
                return ReadCanonicalObject(json, ref p, member.Child);
            case (byte)'[' when member.IsList:
                value = new Value(JsonTokenType.StartArray, p, 1, false);
                return ReadCanonicalList(json, ref p, member.Field);
            case (byte)'t' when json[p..].StartsWith("true"u8):
                value = new Value(JsonTokenType.True, p, 4, false);
                p += 4;
                return true;
            case (byte)'f' when json[p..].StartsWith("false"u8):
                value = new Value(JsonTokenType.False, p, 5, false);
                p += 5;
                return true;
            default:
                var integerEnd = CanonicalScalars.IntegerEnd(json, p, out var integer);
                if (integerEnd < 0)
                {
                    return false;
                }

                value = new Value(JsonTokenType.Number, p, integerEnd - p, false) { IsInteger = true, Integer = integer };
                p = integerEnd;
                return true;
        }
    }

    private bool ReadCanonicalList(ReadOnlySpan<byte> json, ref int p, Field field)
    {
        var first = _items.Count;
        p++;
        if (At(json, p, (byte)']'))
        {
            p++;
        }
        else
        {
            while (true)
            {
                if (!At(json, p, (byte)'"'))
                {
                    return false;
                }

                var end = CanonicalScalars.StringEnd(json, p + 1, out var escaped);
                if (end < 0)
                {
                    return false;
                }

                _items.Add(new Value(JsonTokenType.String, p + 1, end - p - 1, escaped));
                p = end + 1;
                if (p >= json.Length)
                {
                    return false;
                }

                var separator = json[p++];
                if (separator == (byte)']')
                {
                    break;
                }

                if (separator != (byte)',')
                {
                    return false;
                }
            }
        }

        ref var list = ref _values[(int)field];
        list.ItemsStart = first;
        list.ItemsCount = _items.Count - first;
        return true;
    }

    private static bool At(ReadOnlySpan<byte> json, int p, byte b) => p < json.Length && json[p] == b;

    /// <summary>Reads any JSON (as <see cref="JsonDocument"/> would parse it), locating the same facts.</summary>
    /// <exception cref="JsonException">The body is not one JSON value.</exception>
    private void ReadAnyJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read();
        _rootIsObject = reader.TokenType == JsonTokenType.StartObject;
        if (_rootIsObject)
        {
            ReadObject(ref reader, Part.Root);
        }
        else
        {
            reader.Skip();
        }

        while (reader.Read())
        {
        }
    }

    private void ReadObject(ref Utf8JsonReader reader, Part part)
    {
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Match(ref reader, part, ref next);
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                continue;
            }

            var member = Members[(int)part][index];
            ref var value = ref _values[(int)member.Field];
            value = ValueOf(ref reader);
            if (reader.TokenType == JsonTokenType.StartObject && member.Child != Part.None)
            {
                ReadObject(ref reader, member.Child);
            }
            else if (reader.TokenType == JsonTokenType.StartArray && member.IsList)
            {
                ReadList(ref reader, member.Field);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private void ReadList(ref Utf8JsonReader reader, Field field)
    {
        var first = _items.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _items.Add(ValueOf(ref reader));
            reader.Skip();
        }

        ref var list = ref _values[(int)field];
        list.ItemsStart = first;
        list.ItemsCount = _items.Count - first;
    }

    private static Value ValueOf(ref Utf8JsonReader reader)
    {
        var type = reader.TokenType;
        var start = (int)reader.TokenStartIndex + (type == JsonTokenType.String ? 1 : 0);
        var value = new Value(type, start, reader.ValueSpan.Length, reader.ValueIsEscaped);
        if (type == JsonTokenType.Number)
        {
            value.IsInteger = reader.TryGetInt64(out value.Integer);
        }

        return value;
    }

    /// <summary>Checks the shape the facts need and derives them; returns the problem, or null.</summary>
    private string? Derive(ReadOnlySpan<byte> body)
    {
        if (!_rootIsObject)
        {
            return Unreadable("not an object");
        }

        // Members are checked in the order the reference reader checks them, so the first problem
        // named is the one it would meet first.
        var format = _values[(int)Field.Format];
        if (format.Type == JsonTokenType.None)
        {
            Format = RecordFormat.Transactional;
        }
        else if (format.Type == JsonTokenType.Number && format.IsInteger && format.Integer is >= int.MinValue and <= int.MaxValue)
        {
            Format = (int)format.Integer;
        }
        else
        {
            return Unreadable("'format' is not an integer");
        }

        if (!RecordFormat.IsKnown(Format))
        {
            return $"body has format {Format}, which this release does not know";
        }

        if (RequireString(Field.ChainId, "chainId") is { } chainIdProblem)
        {
            return chainIdProblem;
        }

        var seq = _values[(int)Field.Seq];
        if (seq.Type == JsonTokenType.None)
        {
            return Unreadable("'seq' is missing");
        }

        if (seq.Type != JsonTokenType.Number || !seq.IsInteger)
        {
            return Unreadable("'seq' is not an integer");
        }

        Seq = seq.Integer;
        var problem = RequireString(Field.Status, "status") ?? RequireString(Field.MessageId, "messageId") ?? RequireString(Field.ReceivedAt, "receivedAt")
            ?? OptionalStringList(Field.Redacted, "redacted");
        if (problem is not null)
        {
            return problem;
        }

        var status = _values[(int)Field.Status];
        if (TextEquals(body, status, RecordStatus.Accepted))
        {
            IsAccepted = true;
            return DeriveAccepted(body);
        }

        if (TextEquals(body, status, RecordStatus.Rejected))
        {
            IsAccepted = false;
            return DeriveRejected(body);
        }

        return $"unknown status '{Decode(body, status)}'";
    }

    private string? DeriveAccepted(ReadOnlySpan<byte> body)
    {
        var problem = RequireObject(Field.Event, "event");
        if (problem is not null)
        {
            return problem;
        }

        // The contract compares versions by value (1.0 is version 1), and so does the projection.
        var schemaVersion = _values[(int)Field.SchemaVersion];
        if (schemaVersion is { Type: JsonTokenType.Number, IsInteger: true, Integer: >= int.MinValue and <= int.MaxValue })
        {
            _schemaVersion = (int)schemaVersion.Integer;
        }
        else if (schemaVersion.Type == JsonTokenType.Number
            && decimal.TryParse(body.Slice(schemaVersion.Start, schemaVersion.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var version)
            && version == decimal.Truncate(version) && version is >= int.MinValue and <= int.MaxValue)
        {
            _schemaVersion = (int)version;
        }
        else
        {
            return Unreadable("'event.schemaVersion' is missing or not a whole number");
        }
        problem = RequireString(Field.EventId, "event.eventId") ?? RequireString(Field.EventType, "event.eventType") ?? RequireString(Field.OccurredAt, "event.occurredAt");
        if (problem is not null)
        {
            return problem;
        }

        if (!TrySortableTimestamp(body, _values[(int)Field.OccurredAt]))
        {
            return Unreadable("'event.occurredAt' is not an RFC 3339 date-time in UTC");
        }

        problem = RequireObject(Field.Actor, "event.actor") ?? RequireString(Field.ActorId, "event.actor.id") ?? RequireString(Field.ActorType, "event.actor.type")
            ?? RequireObject(Field.Origin, "event.origin") ?? RequireString(Field.OriginService, "event.origin.service")
            ?? OptionalString(Field.OriginIp, "event.origin.ip") ?? OptionalString(Field.OriginRequestId, "event.origin.requestId");
        if (problem is not null)
        {
            return problem;
        }

        if (Has(Field.Query))
        {
            problem = RequireObject(Field.Query, "event.query") ?? OptionalStringList(Field.QueryRecordIds, "event.query.recordIds")
                ?? OptionalString(Field.QueryDescription, "event.query.description");
        }

        if (problem is null && Has(Field.Response))
        {
            problem = RequireObject(Field.Response, "event.response") ?? RequireStringList(Field.ResponseRecordIds, "event.response.recordIds");
        }

        problem ??= RequireObject(Field.Outcome, "event.outcome") ?? RequireString(Field.OutcomeResult, "event.outcome.result")
            ?? OptionalString(Field.OutcomeReason, "event.outcome.reason");
        if (problem is null && Has(Field.Payment))
        {
            problem = RequireObject(Field.Payment, "event.payment") ?? RequireString(Field.PaymentId, "event.payment.paymentId")
                ?? RequireString(Field.PaymentAmount, "event.payment.amount") ?? RequireString(Field.PaymentCurrency, "event.payment.currency");
        }

        return problem;
    }

    private string? DeriveRejected(ReadOnlySpan<byte> body)
    {
        var problem = RequireObject(Field.Rejection, "rejection") ?? RequireString(Field.RejectionCode, "rejection.code");
        if (problem is not null)
        {
            return problem;
        }

        if (Format == RecordFormat.Transactional)
        {
            // Format 1 kept the whole payload; the sender is read from it as the writer read it.
            problem = RequireString(Field.RejectionPayload, "rejection.payload");
            if (problem is null)
            {
                _userIdOfPayload = SeedAttributes.ReadActorId(Decode(body, _values[(int)Field.RejectionPayload]));
            }

            return problem;
        }

        problem = StringOrNull(Field.RejectionActorId, "rejection.actorId", required: false);
        if (problem is null && Has(Field.RejectionDuplicateOf))
        {
            problem = RequireObject(Field.RejectionDuplicateOf, "rejection.duplicateOf") ?? RequireString(Field.DuplicateChainId, "rejection.duplicateOf.chainId")
                ?? RequireInteger(Field.DuplicateSeq, "rejection.duplicateOf.seq") ?? RequireString(Field.DuplicateEventHash, "rejection.duplicateOf.eventHash");
        }

        problem ??= StringOrNull(Field.RejectionPayloadSha256, "rejection.payloadSha256", required: true) ?? RequireInteger(Field.RejectionPayloadBytes, "rejection.payloadBytes");
        if (problem is null && Has(Field.RejectionPreviewTruncated) && _values[(int)Field.RejectionPreviewTruncated].Type is not (JsonTokenType.True or JsonTokenType.False))
        {
            problem = Unreadable("'rejection.previewTruncated' is not a boolean");
        }

        return problem ?? StringOrNull(Field.RejectionEventHash, "rejection.eventHash", required: false);
    }

    private bool TrySortableTimestamp(ReadOnlySpan<byte> body, Value occurredAt)
    {
        // Longer than any RFC 3339 date-time the contract allows, even with every character escaped.
        if (occurredAt.Length > 6 * 32)
        {
            return false;
        }

        Span<char> text = stackalloc char[6 * 32];
        var length = DecodeInto(body, occurredAt, text);
        if (!Rfc3339.TryParseUtc(text[..length], out var instant))
        {
            return false;
        }

        return Rfc3339.TryFormatSortable(instant, _timestamp, out _timestampLength);
    }

    /// <summary>Where <paramref name="fact"/> comes from: a body value, a literal, or the timestamp made from <c>occurredAt</c>.</summary>
    private Source SourceOf(Fact fact)
    {
        switch (fact)
        {
            case Fact.ChainId:
                return Source.Of(_values[(int)Field.ChainId]);
            case Fact.ReceivedAt:
                return Source.Of(_values[(int)Field.ReceivedAt]);
            case Fact.EventId:
                return IsAccepted ? Source.Of(_values[(int)Field.EventId]) : Source.Text(null);
            case Fact.EventType:
                return IsAccepted ? Source.Of(_values[(int)Field.EventType]) : Source.Text(null);
            case Fact.UserId when IsAccepted:
                return Source.Of(_values[(int)Field.ActorId]);
            case Fact.UserId when Format == RecordFormat.Transactional:
                return Source.Text(_userIdOfPayload ?? SeedAttributes.Unknown);
            case Fact.UserId:
                return _values[(int)Field.RejectionActorId].Type == JsonTokenType.String
                    ? Source.Of(_values[(int)Field.RejectionActorId])
                    : Source.Text(SeedAttributes.Unknown);
            case Fact.Timestamp:
                return IsAccepted ? new Source(SourceKind.Timestamp, default, null) : Source.Of(_values[(int)Field.ReceivedAt]);
            case Fact.QueryRecordId when IsAccepted:
                // As SeedAttributes.From: the first queried id, else the query description, else the payment id.
                if (Has(Field.Query))
                {
                    if (_values[(int)Field.QueryRecordIds] is { Type: JsonTokenType.StartArray, ItemsCount: > 0 } ids)
                    {
                        return Source.Of(_items[ids.ItemsStart]);
                    }

                    if (Has(Field.QueryDescription))
                    {
                        return Source.Of(_values[(int)Field.QueryDescription]);
                    }
                }

                return Has(Field.Payment) ? Source.Of(_values[(int)Field.PaymentId]) : Source.Text(SeedAttributes.Unknown);
            case Fact.QueryResult when IsAccepted:
                return Source.Of(_values[(int)Field.OutcomeResult]);
            default:
                return Source.Text(SeedAttributes.Unknown);
        }
    }

    private ReadOnlySpan<Value> ResponseRecordIds()
    {
        var response = _values[(int)Field.ResponseRecordIds];
        return IsAccepted && Has(Field.Response)
            ? CollectionsMarshal.AsSpan(_items).Slice(response.ItemsStart, response.ItemsCount)
            : [];
    }

    private AuditEvent ToEvent(ReadOnlySpan<byte> body, ChainRecord stored)
    {
        // Values the stored attributes already hold are taken from them when equal: fewer strings.
        var seed = stored.Seed;
        var eventId = GetString(body, Fact.EventId, stored.EventId)!;
        var eventType = GetString(body, Fact.EventType, stored.EventType)!;
        QueryDetails? query = null;
        if (Has(Field.Query))
        {
            // Queried ids are often the returned ones, in the same order.
            var ids = Has(Field.QueryRecordIds) ? Strings(body, Field.QueryRecordIds, seed.ResponseRecordIds) : null;
            query = new QueryDetails(ids, OptionalStringValue(body, Field.QueryDescription, seed.QueryRecordId));
        }

        return new AuditEvent
        {
            SchemaVersion = _schemaVersion,
            EventId = eventId,
            EventType = eventType,
            OccurredAt = String(body, Field.OccurredAt),
            Actor = new Actor(String(body, Field.ActorId, seed.UserId), String(body, Field.ActorType, ActorTypes.User, ActorTypes.Service)),
            Origin = new Origin(String(body, Field.OriginService), OptionalStringValue(body, Field.OriginIp), OptionalStringValue(body, Field.OriginRequestId)),
            Query = query,
            Response = Has(Field.Response) ? new ResponseDetails(Strings(body, Field.ResponseRecordIds, seed.ResponseRecordIds)) : null,
            Outcome = new Outcome(String(body, Field.OutcomeResult, seed.QueryResult), OptionalStringValue(body, Field.OutcomeReason)),
            Payment = Has(Field.Payment)
                ? new PaymentDetails(String(body, Field.PaymentId, seed.QueryRecordId), String(body, Field.PaymentAmount), String(body, Field.PaymentCurrency))
                : null,
        };
    }

    private bool Has(Field field) => _values[(int)field].Type != JsonTokenType.None;

    /// <summary>A string value; one of <paramref name="reuse"/> when equal to it.</summary>
    private string String(ReadOnlySpan<byte> body, Field field, params ReadOnlySpan<string?> reuse)
    {
        var value = _values[(int)field];
        foreach (var candidate in reuse)
        {
            if (TextEquals(body, value, candidate))
            {
                return candidate!;
            }
        }

        return Decode(body, value);
    }

    private string? OptionalStringValue(ReadOnlySpan<byte> body, Field field, string? reuse = null) =>
        _values[(int)field].Type == JsonTokenType.String ? String(body, field, reuse) : null;

    /// <summary>The items of a list of strings; items equal to the one at the same position of <paramref name="reuse"/> are that string.</summary>
    private List<string> Strings(ReadOnlySpan<byte> body, Field field, IReadOnlyList<string>? reuse)
    {
        var list = _values[(int)field];
        var strings = new List<string>(list.ItemsCount);
        for (var i = 0; i < list.ItemsCount; i++)
        {
            var item = _items[list.ItemsStart + i];
            strings.Add(reuse is not null && i < reuse.Count && TextEquals(body, item, reuse[i]) ? reuse[i] : Decode(body, item));
        }

        return strings;
    }

    private string? RequireString(Field field, string path) => _values[(int)field].Type switch
    {
        JsonTokenType.String => null,
        JsonTokenType.None => Unreadable($"'{path}' is missing"),
        _ => Unreadable($"'{path}' is not a string"),
    };

    private string? OptionalString(Field field, string path) =>
        _values[(int)field].Type is JsonTokenType.String or JsonTokenType.None ? null : Unreadable($"'{path}' is not a string");

    /// <summary>A member the reference reader takes as a string or null (present or not, as <paramref name="required"/> says).</summary>
    private string? StringOrNull(Field field, string path, bool required) => _values[(int)field].Type switch
    {
        JsonTokenType.String or JsonTokenType.Null => null,
        JsonTokenType.None => required ? Unreadable($"'{path}' is missing") : null,
        _ => Unreadable($"'{path}' is not a string"),
    };

    private string? RequireInteger(Field field, string path) => _values[(int)field] switch
    {
        { Type: JsonTokenType.Number, IsInteger: true } => null,
        { Type: JsonTokenType.None } => Unreadable($"'{path}' is missing"),
        _ => Unreadable($"'{path}' is not an integer"),
    };

    private string? RequireObject(Field field, string path) => _values[(int)field].Type switch
    {
        JsonTokenType.StartObject => null,
        JsonTokenType.None => Unreadable($"'{path}' is missing"),
        _ => Unreadable($"'{path}' is not an object"),
    };

    private string? RequireStringList(Field field, string path) =>
        Has(field) ? OptionalStringList(field, path) : Unreadable($"'{path}' is missing");

    private string? OptionalStringList(Field field, string path)
    {
        var list = _values[(int)field];
        if (list.Type == JsonTokenType.None)
        {
            return null;
        }

        if (list.Type != JsonTokenType.StartArray)
        {
            return Unreadable($"'{path}' is not an array");
        }

        for (var i = 0; i < list.ItemsCount; i++)
        {
            if (_items[list.ItemsStart + i].Type != JsonTokenType.String)
            {
                return Unreadable($"'{path}[{i}]' is not a string");
            }
        }

        return null;
    }

    private enum SourceKind : byte
    {
        Value,
        Literal,
        Timestamp,
    }

    /// <summary>A value as found in the body: where its bytes are, its token type, and for numbers the integer it holds.</summary>
    private struct Value(JsonTokenType type, int start, int length, bool escaped)
    {
        public readonly JsonTokenType Type = type;
        public readonly int Start = start;
        public readonly int Length = length;
        public readonly bool Escaped = escaped;
        public bool IsInteger;
        public long Integer;
        public int ItemsStart;
        public int ItemsCount;
    }

    private readonly record struct Source(SourceKind Kind, Value Value, string? Literal)
    {
        public static Source Of(Value value) => new(SourceKind.Value, value, null);

        public static Source Text(string? literal) => new(SourceKind.Literal, default, literal);
    }

    /// <summary>A known member: its name, its quoted name and colon as canonical bodies spell them, where its value goes.</summary>
    private sealed class Member(ReadOnlySpan<byte> name, Field field, Part child = Part.None, bool isList = false)
    {
        public byte[] Name { get; } = name.ToArray();

        public byte[] Key { get; } = [(byte)'"', .. name, (byte)'"', (byte)':'];

        public Field Field { get; } = field;

        public Part Child { get; } = child;

        public bool IsList { get; } = isList;
    }
}
