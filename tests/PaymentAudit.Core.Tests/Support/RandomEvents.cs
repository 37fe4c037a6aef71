using System.Globalization;
using System.Net;
using System.Text;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// Generates valid audit events from a seed, reaching into the corners of the contract: maximum
/// lengths, optional parts absent or present, every outcome, non-ASCII and control characters in
/// free text, IPv4 and IPv6 origins. The same seed always gives the same event.
/// </summary>
public sealed class RandomEvents
{
    private const string EventIdStart = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string EventIdRest = EventIdStart + "._:-";
    private const string WordStart = "abcdefghijklmnopqrstuvwxyz";
    private const string WordRest = WordStart + "0123456789_";

    private static readonly string[] TextPieces =
    [
        "a", "Z", " ", "-", ".", "'", "\"", "\\", "/", "<", ">", "&", "+", "\t", "\n", "\r", "\u0001", "\u001f", "\u007f",
        "\u00e9", "\u00f6", "\u20ac", "\u2028", "\u8fd4", "\ufb33", "\ud83d\ude00", "7",
    ];

    private readonly Random _random;

    private RandomEvents(int seed) => _random = new Random(seed);

    /// <summary>The valid event generated from <paramref name="seed"/>.</summary>
    public static AuditEvent Valid(int seed) => new RandomEvents(seed).Event();

    private AuditEvent Event()
    {
        var isPayment = _random.Next(3) == 0;
        var eventType = isPayment ? AuditEventTypes.PaymentProcessed : Pick(AuditEventTypes.RecordsQueried, AuditEventTypes.RecordViewed, DottedType());
        return new AuditEvent
        {
            EventId = EventId(),
            EventType = eventType,
            OccurredAt = OccurredAt(),
            Actor = new Actor(Identifier(), Pick(ActorTypes.User, ActorTypes.Service)),
            Origin = new Origin(Identifier(), Maybe(IpAddress), Maybe(Identifier)),
            Query = isPayment ? Maybe(Query) : Query(),
            Response = Maybe(() => new ResponseDetails(RecordIds(0, 50))),
            Outcome = new Outcome(Pick(OutcomeResults.Success, OutcomeResults.Failure, OutcomeResults.Denied), Maybe(Text)),
            Payment = isPayment ? new PaymentDetails(Identifier(), Amount(), Currency()) : null,
        };
    }

    private QueryDetails Query() => _random.Next(3) switch
    {
        0 => new QueryDetails(RecordIds(1, 40)),
        1 => new QueryDetails(Description: Text()),
        _ => new QueryDetails(RecordIds(1, 40), Text()),
    };

    private string EventId()
    {
        var length = Length(128);
        var id = new StringBuilder().Append(EventIdStart[_random.Next(EventIdStart.Length)]);
        for (var i = 1; i < length; i++)
        {
            id.Append(EventIdRest[_random.Next(EventIdRest.Length)]);
        }

        return id.ToString();
    }

    private string DottedType()
    {
        var words = Enumerable.Range(0, _random.Next(2, 5)).Select(_ =>
            WordStart[_random.Next(WordStart.Length)] + new string(Enumerable.Range(0, _random.Next(0, 9)).Select(_ => WordRest[_random.Next(WordRest.Length)]).ToArray()));
        return string.Join('.', words);
    }

    private string OccurredAt()
    {
        var instant = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(_random.NextInt64(0, 4_102_444_800));
        var fraction = _random.Next(0, 10) switch
        {
            0 => string.Empty,
            var digits => "." + _random.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture)[..digits],
        };
        return instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + "Z";
    }

    private string Identifier()
    {
        var length = Length(128);
        return new string(Enumerable.Range(0, length).Select(_ => (char)_random.Next('!', '~' + 1)).ToArray());
    }

    private List<string> RecordIds(int min, int max)
    {
        var count = _random.Next(4) == 0 ? max : _random.Next(min, Math.Min(max, 6) + 1);
        return Enumerable.Range(0, count).Select(i => $"pay-{i}-{_random.Next(100_000)}").ToList();
    }

    private string Text()
    {
        var codePoints = _random.Next(8) == 0 ? 1024 : _random.Next(1, 60);
        var text = new StringBuilder();
        for (var i = 0; i < codePoints; i++)
        {
            text.Append(TextPieces[_random.Next(TextPieces.Length)]);
        }

        return text.ToString();
    }

    private string IpAddress()
    {
        var bytes = new byte[_random.Next(2) == 0 ? 4 : 16];
        _random.NextBytes(bytes);
        return new IPAddress(bytes).ToString();
    }

    private string Amount()
    {
        var integer = _random.Next(4) == 0 ? "999999999999999" : _random.NextInt64(0, 1_000_000).ToString(CultureInfo.InvariantCulture);
        var fraction = _random.Next(0, 7) switch
        {
            0 => string.Empty,
            var digits => "." + _random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture)[..digits],
        };
        return (_random.Next(5) == 0 ? "-" : string.Empty) + integer + fraction;
    }

    private string Currency() => new(Enumerable.Range(0, 3).Select(_ => (char)_random.Next('A', 'Z' + 1)).ToArray());

    private int Length(int max) => _random.Next(6) == 0 ? max : _random.Next(1, 24);

    private T? Maybe<T>(Func<T> make)
        where T : class => _random.Next(2) == 0 ? null : make();

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];
}
