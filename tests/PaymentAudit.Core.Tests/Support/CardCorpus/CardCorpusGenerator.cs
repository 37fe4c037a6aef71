using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PaymentAudit.Core.Tests.Support.CardCorpus;

/// <summary>
/// Builds the card corpus from a seed: payloads carrying card numbers in every field and spelling
/// the guard must read (separators, thousands separators, digits of other scripts, digits glued to
/// letters, escapes in text that is not JSON, invisible characters, field names, the event id, the
/// group id, JSON numbers), and events carrying the 13-19 digit identifiers real systems produce (epoch
/// timestamps, snowflake ids, .NET ticks, date-prefixed order numbers, sequential and zero-padded
/// ids, invoice and order numbers, UUIDs), plus uniformly random digits, reported apart.
/// </summary>
/// <remarks>
/// Card numbers come from this class's own list of brand prefixes (not from the detector's table),
/// with random account digits and a Luhn check digit. The same seed always gives the same corpus.
/// </remarks>
public sealed class CardCorpusGenerator
{
    /// <summary>The seed the test and the harness use.</summary>
    public const int DefaultSeed = 20_261_123;

    private static readonly (string Brand, string[] Prefixes, int[] Lengths)[] Brands =
    [
        ("Visa", ["4"], [13, 16, 16, 16, 19]),
        ("Mastercard", ["51-55", "2221-2720"], [16]),
        ("American Express", ["34", "37"], [15]),
        ("Discover", ["6011", "644-649", "65"], [16, 19]),
        ("Diners Club", ["300-305", "36", "38-39"], [14, 16]),
        ("JCB", ["3528-3589"], [16, 19]),
        ("UnionPay", ["62"], [16, 17, 18, 19]),
        ("Maestro", ["5018", "5020", "6304", "6759"], [16, 18, 19]),
        ("Mir", ["2200-2204"], [16]),
        ("RuPay", ["508", "60"], [16]),
    ];

    /// <summary>How cards print numbers of each length (group sizes).</summary>
    private static readonly Dictionary<int, int[][]> Groupings = new()
    {
        [13] = [[4, 4, 4, 1], [4, 4, 5], [4, 3, 3, 3]],
        [14] = [[4, 6, 4], [4, 4, 4, 2]],
        [15] = [[4, 6, 5], [4, 4, 4, 3]],
        [16] = [[4, 4, 4, 4], [4, 4, 4, 4], [6, 10]],
        [17] = [[4, 4, 4, 4, 1], [4, 4, 4, 5]],
        [18] = [[4, 4, 4, 4, 2], [4, 4, 4, 6]],
        [19] = [[4, 4, 4, 4, 3], [6, 13]],
    };

    private static readonly string[] TextSeparators =
        ["  ", ".", "_", "/", " / ", "--", "\t", "\u00a0", "\u2013", "\u00b7", "*", ", ", " - ", "\u3000", "|", "+", "   ", ":"];

    private static readonly string[] IdentifierSeparators = [".", "_", "/", "--", "*", "|", "+", ":", "__", "./"];

    /// <summary>Zero of each script (category Nd); the mathematical digits lie beyond the BMP.</summary>
    private static readonly int[] DigitZeros = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE, 0x1D7EC];

    private static readonly string[] Invisible = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"];

    private static readonly string[] GluePrefixes = ["card", "pan", "ref", "x", "ID", "acct", "caf\u00e9", "No", "CC"];

    private static readonly string[] GlueSuffixes = ["", "x", "end", "EUR", "A"];

    private static readonly string[] NonJsonTemplates =
    [
        "card={0}&exp=12/29&cvv=123",
        "2026-11-23T09:15:00Z WARN gateway echoed pan={0}",
        "<payment><pan>{0}</pan></payment>",
        "PAN: {0}",
        "{{'pan': '{0}'}}",
        "pan\t{0}\tEUR",
    ];

    private static readonly string[] TextFields = ["query.description", "outcome.reason"];

    private static readonly string[] IdentifierFields =
        ["actor.id", "origin.service", "origin.requestId", "query.recordIds", "response.recordIds", "payment.paymentId"];

    private static readonly JsonSerializerOptions EscapingNonAscii = new();

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random;

    private CardCorpusGenerator(int seed) => _random = new Random(seed);

    /// <summary>
    /// The corpus: <paramref name="perPanCategory"/> samples in each card-number category and
    /// <paramref name="perIdentifierCategory"/> in each identifier category.
    /// </summary>
    public static IReadOnlyList<CardSample> Generate(int seed = DefaultSeed, int perPanCategory = 200, int perIdentifierCategory = 1_000) =>
        new CardCorpusGenerator(seed).All(perPanCategory, perIdentifierCategory);

    private List<CardSample> All(int perPan, int perIdentifier)
    {
        var samples = new List<CardSample>();
        void Add(string category, CardCorpusKind kind, int count, Func<CardSample> make)
        {
            for (var i = 0; i < count; i++)
            {
                samples.Add(make() with { Category = category, Kind = kind });
            }
        }

        Add("plain in a field", CardCorpusKind.Pan, perPan, PlainInAField);
        Add("card-style groupings", CardCorpusKind.Pan, perPan, CardStyleGroupings);
        Add("other separators", CardCorpusKind.Pan, perPan, OtherSeparators);
        Add("thousands separators", CardCorpusKind.Pan, perPan, ThousandsSeparators);
        Add("digits of other scripts", CardCorpusKind.Pan, perPan, OtherScripts);
        Add("glued to letters", CardCorpusKind.Pan, perPan, GluedToLetters);
        Add("escapes in text that is not JSON", CardCorpusKind.Pan, perPan, EscapesOutsideJson);
        Add("escapes inside JSON strings", CardCorpusKind.Pan, perPan, EscapesInsideJson);
        Add("invisible characters", CardCorpusKind.Pan, perPan, InvisibleCharacters);
        Add("field names", CardCorpusKind.Pan, perPan, FieldNames);
        Add("event id", CardCorpusKind.Pan, perPan, EventIds);
        Add("JSON number", CardCorpusKind.Pan, perPan, JsonNumbers);
        Add("message group id", CardCorpusKind.Pan, perPan, GroupIds);

        Add("epoch milliseconds", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(EpochTicks(1_000)));
        Add("epoch microseconds", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(EpochTicks(1_000_000)));
        Add("epoch nanoseconds", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(EpochTicks(1_000_000_000)));
        Add(".NET ticks", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(DotNetTicks()));
        Add("snowflake ids", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(Snowflake()));
        Add("order numbers yyyyMMdd+sequence", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(DatePrefixed("yyyyMMdd")));
        Add("order numbers yyyyMMddHHmmss+random", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(DatePrefixed("yyyyMMddHHmmss")));
        Add("order numbers yyMMdd+sequence", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(DatePrefixed("yyMMdd")));
        Add("sequential ids", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(Sequential()));
        Add("zero-padded ids", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(ZeroPadded()));
        Add("invoice numbers", CardCorpusKind.Legitimate, perIdentifier, InvoiceNumber);
        Add("UUIDv7 event ids", CardCorpusKind.Legitimate, perIdentifier, () => EventIdentifier(UuidVersion7()));
        Add("UUIDv4 ids", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(UuidVersion4()));
        Add("hashes and object ids", CardCorpusKind.Legitimate, perIdentifier, () => Identifier(Pick("sha256:", "", "") + RandomHex(Pick(64, 40, 32, 24))));
        Add("order numbers 3-7-7", CardCorpusKind.Legitimate, perIdentifier, ThreeSevenSeven);

        Add("uniformly random 13-19 digits", CardCorpusKind.Random, perIdentifier, () => Identifier(RandomDigits(_random.Next(13, 20))));
        Add("random 64-bit ids", CardCorpusKind.Random, perIdentifier, () => Identifier(RandomInt64()));
        return samples;
    }

    private CardSample PlainInAField()
    {
        var pan = Pan();
        var field = Pick<string>([.. TextFields, .. IdentifierFields, "eventType"]);
        var value = field switch
        {
            "eventType" => "payment.pan" + pan,
            "query.description" or "outcome.reason" => $"customer read out {pan} on the phone",
            _ => _random.Next(2) == 0 ? pan : Grouped(pan, "-"),
        };
        return Sample(pan, Event(field, value));
    }

    private CardSample CardStyleGroupings()
    {
        var pan = Pan();
        var spelled = Grouped(pan, Pick(" ", "-"));
        return _random.Next(3) == 0
            ? Sample(pan, Event(Pick(IdentifierFields), spelled.Replace(' ', '-')))
            : Sample(pan, Event(Pick(TextFields), $"card {spelled} declined"));
    }

    private CardSample OtherSeparators()
    {
        var pan = Pan();
        if (_random.Next(3) == 0)
        {
            return Sample(pan, Event(Pick(IdentifierFields), Grouped(pan, Pick(IdentifierSeparators))));
        }

        return Sample(pan, Event(Pick(TextFields), $"card {Grouped(pan, Pick(TextSeparators))} on file"));
    }

    /// <summary>The number written as an amount would be: groups of three from the right.</summary>
    private CardSample ThousandsSeparators()
    {
        var pan = Pan();
        var separator = Pick(",", ".", " ", "'", "\u202f", "\u00a0", "_");
        var groups = new List<string>();
        for (var end = pan.Length; end > 0; end -= 3)
        {
            groups.Insert(0, pan[Math.Max(0, end - 3)..end]);
        }

        var spelled = string.Join(separator, groups);
        return separator is "," or "." or "'" or "_" && _random.Next(3) == 0
            ? Sample(pan, Event(Pick(IdentifierFields), spelled))
            : Sample(pan, Event(Pick(TextFields), $"amount {spelled} charged"));
    }

    private CardSample OtherScripts()
    {
        var pan = Pan();
        var mixed = _random.Next(4) == 0;
        var zero = Pick(DigitZeros);
        var spelled = new StringBuilder();
        foreach (var c in _random.Next(3) == 0 ? Grouped(pan, " ") : pan)
        {
            var script = mixed ? Pick<int>([.. DigitZeros, '0']) : zero;
            spelled.Append(char.IsAsciiDigit(c) ? char.ConvertFromUtf32(script + (c - '0')) : c.ToString());
        }

        // Non-ASCII digits cannot form an identifier, so these sit in free text (escaped or not).
        return Sample(pan, Event(Pick(TextFields), $"card {spelled} ok"));
    }

    private CardSample GluedToLetters()
    {
        var pan = Pan();
        var body = _random.Next(3) == 0 ? Grouped(pan, "-") : pan;
        var glued = Pick(GluePrefixes) + body + Pick(GlueSuffixes);
        var field = Pick<string>([.. TextFields, .. IdentifierFields]);
        if (!glued.All(c => c is >= '!' and <= '~') && IdentifierFields.Contains(field))
        {
            field = Pick(TextFields);
        }

        return Sample(pan, Event(field, glued));
    }

    private CardSample EscapesOutsideJson()
    {
        var pan = Pan();
        var spelled = Escaped(_random.Next(2) == 0 ? pan : Grouped(pan, Pick(" ", "-")), share: 0.2 + (_random.NextDouble() * 0.8));
        return Sample(pan, string.Format(CultureInfo.InvariantCulture, Pick(NonJsonTemplates), spelled));
    }

    private CardSample EscapesInsideJson()
    {
        var pan = Pan();
        const string Placeholder = "PLACEHOLDER";
        var spelled = Escaped(_random.Next(2) == 0 ? pan : Grouped(pan, Pick(" ", "-", "/")), share: 0.2 + (_random.NextDouble() * 0.8));
        var json = Event(Pick(TextFields), $"card {Placeholder} refused");
        return Sample(pan, json.Replace(Placeholder, spelled, StringComparison.Ordinal));
    }

    private CardSample InvisibleCharacters()
    {
        var pan = Pan();
        var spelled = new StringBuilder(_random.Next(3) == 0 ? Grouped(pan, " ") : pan);
        var insertions = _random.Next(1, 5);
        for (var i = 0; i < insertions; i++)
        {
            spelled.Insert(_random.Next(1, spelled.Length), Pick(Invisible));
        }

        return Sample(pan, Event(Pick(TextFields), $"card {spelled} ok"));
    }

    private CardSample FieldNames()
    {
        var pan = Pan();
        var name = _random.Next(3) switch
        {
            0 => pan,
            1 => Grouped(pan, Pick(" ", "-", ".")),
            _ => "note_" + pan,
        };
        var root = BaseEvent(payment: false);
        var parent = Pick("", "actor", "origin", "query");
        (parent.Length == 0 ? root : root[parent]!.AsObject())[name] = "x";
        return Sample(pan, Serialize(root));
    }

    private CardSample EventIds()
    {
        var pan = Pan();
        var id = _random.Next(3) switch
        {
            0 => pan,
            1 => "evt-" + pan,
            _ => Grouped(pan, Pick(".", "_", ":", "-")),
        };
        return Sample(pan, Event("eventId", id)) with { MustBeRefused = true };
    }

    private CardSample JsonNumbers()
    {
        var pan = Pan();
        var json = Event("query.description", "refund review");
        json = _random.Next(2) == 0
            ? json.Replace("\"schemaVersion\":1", $"\"schemaVersion\":{pan}", StringComparison.Ordinal)
            : json.Replace("\"outcome\":{", $"\"outcome\":{{\"code\":{pan},", StringComparison.Ordinal);
        return Sample(pan, json) with { MustBeRefused = true };
    }

    private CardSample GroupIds()
    {
        var pan = Pan();
        var id = _random.Next(3) switch
        {
            0 => pan,
            1 => Pick("chain-", "g:", "tenant_") + pan,
            _ => Grouped(pan, Pick("-", "_", ".", ":", "/")),
        };
        return new CardSample(string.Empty, CardCorpusKind.Pan, id, pan, IsGroupId: true);
    }

    /// <summary>An event carrying <paramref name="identifier"/> in a field where identifiers go.</summary>
    private CardSample Identifier(string identifier)
    {
        var field = Pick<string>([.. IdentifierFields, "query.description"]);
        var value = field == "query.description" ? $"order {identifier} refunded" : identifier;
        return Sample(identifier, Event(field, value));
    }

    /// <summary>An event whose id is <paramref name="eventId"/>, the way the client generates ids.</summary>
    private CardSample EventIdentifier(string eventId) => Sample(new string([.. eventId.Where(char.IsAsciiDigit)]), Event("eventId", eventId));

    /// <summary>A time-ordered UUID (RFC 9562 version 7) of a moment between 2020 and 2031, with or without dashes.</summary>
    private string UuidVersion7()
    {
        var milliseconds = _random.NextInt64(1_577_836_800_000, 1_924_992_000_000);
        var random = RandomHex(20);
        var variant = "89ab"[_random.Next(4)];
        var hex = milliseconds.ToString("x12", CultureInfo.InvariantCulture);
        var uuid = $"{hex[..8]}-{hex[8..]}-7{random[..3]}-{variant}{random[3..6]}-{random[6..18]}";
        return _random.Next(4) switch
        {
            0 => uuid.Replace("-", string.Empty, StringComparison.Ordinal),
            1 => $"evt-{_random.Next(100_000_000):D8}-{uuid.Replace("-", string.Empty, StringComparison.Ordinal)}",
            _ => uuid,
        };
    }

    /// <summary>A random UUID (RFC 9562 version 4).</summary>
    private string UuidVersion4()
    {
        var random = RandomHex(30);
        var variant = "89ab"[_random.Next(4)];
        return $"{random[..8]}-{random[8..12]}-4{random[12..15]}-{variant}{random[15..18]}-{random[18..30]}";
    }

    private string RandomHex(int length) => new([.. Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[_random.Next(16)])]);

    private CardSample InvoiceNumber()
    {
        var year = _random.Next(2015, 2031).ToString(CultureInfo.InvariantCulture);
        var sequence = _random.NextInt64(0, 10_000_000_000).ToString("D10", CultureInfo.InvariantCulture)[..(9 + _random.Next(0, 2))];
        var separator = Pick("-", "/", "");
        var prefix = Pick("INV", "RE", "FA", "");
        var invoice = prefix.Length == 0 ? $"{year}{separator}{sequence}" : $"{prefix}{separator}{year}{separator}{sequence}";
        return Sample(year + sequence, Event(Pick(IdentifierFields), invoice));
    }

    private CardSample ThreeSevenSeven()
    {
        var number = $"{_random.Next(100, 300)}-{_random.Next(0, 10_000_000):D7}-{_random.Next(0, 10_000_000):D7}";
        return Sample(number.Replace("-", string.Empty, StringComparison.Ordinal), Event(Pick(IdentifierFields), number));
    }

    /// <summary>A moment between 2015 and 2031 in units of 1/<paramref name="perSecond"/> s since 1970.</summary>
    private string EpochTicks(long perSecond)
    {
        var seconds = _random.NextInt64(1_420_070_400, 1_924_992_000);
        var fraction = _random.NextInt64(0, perSecond);
        return ((seconds * perSecond) + fraction).ToString(CultureInfo.InvariantCulture);
    }

    private string DotNetTicks() =>
        new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(_random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 16)).Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>Milliseconds since the Twitter or Discord epoch, shifted left 22 bits, then worker and sequence bits.</summary>
    private string Snowflake()
    {
        var epoch = Pick(1_288_834_974_657L, 1_420_070_400_000L);
        var now = _random.NextInt64(1_577_836_800_000, 1_924_992_000_000);
        var id = ((now - epoch) << 22) | ((long)_random.Next(0, 1_024) << 12) | (long)_random.Next(0, 4_096);
        return id.ToString(CultureInfo.InvariantCulture);
    }

    private string DatePrefixed(string format)
    {
        var day = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.NextInt64(0, 16L * 365 * 86_400));
        var prefix = day.ToString(format, CultureInfo.InvariantCulture);
        var length = _random.Next(Math.Max(13, prefix.Length + 3), 20);
        var rest = length - prefix.Length;
        var sequence = format == "yyyyMMddHHmmss" ? RandomDigits(rest, leadingZero: true) : _random.NextInt64(0, 100_000).ToString(CultureInfo.InvariantCulture).PadLeft(rest, '0');
        return prefix + sequence;
    }

    private string Sequential()
    {
        var length = _random.Next(13, 20);
        return (long.Parse("1" + new string('0', length - 1), CultureInfo.InvariantCulture) + _random.NextInt64(0, 10_000_000)).ToString(CultureInfo.InvariantCulture);
    }

    private string ZeroPadded() => _random.NextInt64(1, 100_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(_random.Next(13, 20), '0');

    private string RandomInt64()
    {
        string id;
        do
        {
            id = _random.NextInt64(0, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        }
        while (id.Length < 13);

        return id;
    }

    private string RandomDigits(int length, bool leadingZero = false)
    {
        var digits = new StringBuilder(length);
        digits.Append((char)('0' + _random.Next(leadingZero ? 0 : 1, 10)));
        while (digits.Length < length)
        {
            digits.Append((char)('0' + _random.Next(10)));
        }

        return digits.ToString();
    }

    /// <summary>A Luhn-valid card number of a random brand, prefix and length.</summary>
    private string Pan()
    {
        var (_, prefixes, lengths) = Brands[_random.Next(Brands.Length)];
        var range = Pick(prefixes).Split('-');
        var prefix = range.Length == 1
            ? range[0]
            : _random.Next(int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[1], CultureInfo.InvariantCulture) + 1)
                .ToString(CultureInfo.InvariantCulture).PadLeft(range[0].Length, '0');
        var length = Pick(lengths);
        var payload = new StringBuilder(prefix);
        while (payload.Length < length - 1)
        {
            payload.Append((char)('0' + _random.Next(10)));
        }

        return Pans.WithCheckDigit(payload.ToString());
    }

    private string Grouped(string pan, string separator)
    {
        var sizes = Pick(Groupings[pan.Length]);
        var parts = new List<string>();
        var at = 0;
        foreach (var size in sizes)
        {
            parts.Add(pan.Substring(at, size));
            at += size;
        }

        return string.Join(separator, parts);
    }

    /// <summary>Writes a share of the digits (and separators) as <c>\uXXXX</c> escapes, hex case at random.</summary>
    private string Escaped(string text, double share)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (_random.NextDouble() < share)
            {
                escaped.Append("\\u").Append(((int)c).ToString(_random.Next(2) == 0 ? "X4" : "x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static CardSample Sample(string digits, string payload) => new(string.Empty, CardCorpusKind.Pan, payload, digits);

    /// <summary>A valid event with <paramref name="value"/> at <paramref name="field"/>, serialized with or without escaping non-ASCII.</summary>
    private string Event(string field, string value)
    {
        var root = BaseEvent(payment: field.StartsWith("payment.", StringComparison.Ordinal));
        var path = field.Split('.');
        var parent = path.Length == 1 ? root : root[path[0]]!.AsObject();
        var name = path[^1];
        if (parent[name] is JsonArray list)
        {
            list.Insert(_random.Next(list.Count + 1), value);
        }
        else
        {
            parent[name] = value;
        }

        return Serialize(root);
    }

    private string Serialize(JsonObject root) => root.ToJsonString(_random.Next(2) == 0 ? EscapingNonAscii : Relaxed);

    private JsonObject BaseEvent(bool payment)
    {
        var eventId = "evt-" + new string([.. Enumerable.Range(0, 10).Select(_ => (char)('a' + _random.Next(26)))]);
        var root = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["eventId"] = eventId,
            ["eventType"] = payment ? "payment.processed" : "payment.records.queried",
            ["occurredAt"] = "2026-11-23T09:15:00.123Z",
            ["actor"] = new JsonObject { ["id"] = "user-ana", ["type"] = "user" },
            ["origin"] = new JsonObject { ["service"] = "backoffice-web", ["ip"] = "10.20.30.40", ["requestId"] = "req-000042" },
            ["query"] = new JsonObject { ["recordIds"] = new JsonArray("pay-1001", "pay-1002"), ["description"] = "refund review for merchant M-77" },
            ["response"] = new JsonObject { ["recordIds"] = new JsonArray("pay-1001") },
            ["outcome"] = new JsonObject { ["result"] = "denied", ["reason"] = "not permitted for this merchant" },
        };
        if (payment)
        {
            root["payment"] = new JsonObject { ["paymentId"] = "pay-2001", ["amount"] = "129.90", ["currency"] = "EUR" };
        }

        return root;
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
