using PaymentAudit.Core.Contract;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>
/// Breaks valid events the ways a producer can: nulls where the contract needs a value, values
/// that break a field's rule, lists too long or with repeats or holes, card numbers in any string
/// (plain, grouped, or beside characters the serializer escapes), where they are masked, or in the
/// event id, where they are refused. The same seed gives the same event.
/// </summary>
public sealed class EventMutations
{
    private static readonly string[] CardNumbers =
    [
        Pans.Visa, Pans.Amex, "4111 1111 1111 1111", "5555-5555-5555-4444", "<" + Pans.Visa, Pans.Visa + "\u00e9",
        "\u00e9" + Pans.Visa, "\n" + Pans.Mastercard, "ref " + Pans.Visa13 + " ok", Pans.VisaWrongCheckDigit, "x" + Pans.Visa,
    ];

    private static readonly string?[] BadIdentifiers = [null, string.Empty, "has space", "caf\u00e9", new string('a', 129), "tab\there"];

    private readonly Random _random;

    private EventMutations(int seed) => _random = new Random(seed);

    /// <summary>A random valid event with one to three random changes, most of which break it.</summary>
    public static AuditEvent Mutated(int seed)
    {
        var mutations = new EventMutations(seed);
        var auditEvent = RandomEvents.Valid(seed);
        var count = mutations._random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            auditEvent = mutations.Mutate(auditEvent);
        }

        return auditEvent;
    }

    private AuditEvent Mutate(AuditEvent e) => _random.Next(13) switch
    {
        0 => e with { EventId = Pick(null, string.Empty, "-starts-with-dash", new string('e', 129), "has space", "ok.id_1:2-3")! },
        1 => e with { EventType = Pick(null, "Payment.viewed", "single", "a..b", new string('a', 33) + "." + new string('b', 31), AuditEventTypes.PaymentProcessed)! },
        2 => e with { OccurredAt = Pick(null, "2026-01-01T00:00:00+01:00", "yesterday", "2026-02-30T00:00:00Z", "2026-01-01T00:00:00.123Z")! },
        3 => e with { SchemaVersion = Pick(0, 2, -1) },
        4 => e with { Actor = _random.Next(3) == 0 ? null! : new Actor(PickBadIdentifier(e.Actor?.Id)!, Pick(null, "admin", ActorTypes.Service, "User")!) },
        5 => e with { Origin = _random.Next(4) == 0 ? null! : MutateOrigin(e.Origin) },
        6 => e with { Query = MutateQuery(e.Query) },
        7 => e with { Response = MutateResponse(e.Response) },
        8 => e with { Outcome = _random.Next(3) == 0 ? null! : new Outcome(Pick(null, "ok", OutcomeResults.Denied)!, Pick(null, string.Empty, new string('r', 1025), "fine")) },
        9 => e with { Payment = MutatePayment(e.Payment) },
        10 => e with { Query = null },
        _ => WithCardNumber(e),
    };

    private Origin MutateOrigin(Origin? origin) => _random.Next(3) switch
    {
        0 => new Origin(PickBadIdentifier(origin?.Service)!, origin?.Ip, origin?.RequestId),
        1 => new Origin(origin?.Service ?? "svc", Pick(null, "999.1.1.1", "fe80::1%eth0", "not-an-ip", "10.0.0.01", "::1", "1.2.3.4"), origin?.RequestId),
        _ => new Origin(origin?.Service ?? "svc", origin?.Ip, PickBadIdentifier(origin?.RequestId)),
    };

    private QueryDetails? MutateQuery(QueryDetails? query) => _random.Next(4) switch
    {
        0 => new QueryDetails(MutateList(query?.RecordIds, 40), query?.Description),
        1 => new QueryDetails(query?.RecordIds, Pick(null, string.Empty, new string('d', 1025), "\ud83d\ude00")),
        2 => new QueryDetails(),
        _ => null,
    };

    private ResponseDetails? MutateResponse(ResponseDetails? response) =>
        _random.Next(4) == 0 ? null : new ResponseDetails(MutateList(response?.RecordIds, 50)!);

    private PaymentDetails? MutatePayment(PaymentDetails? payment) => _random.Next(4) switch
    {
        0 => null,
        1 => new PaymentDetails(PickBadIdentifier(payment?.PaymentId)!, payment?.Amount ?? "1.00", payment?.Currency ?? "EUR"),
        2 => new PaymentDetails(payment?.PaymentId ?? "pay-1", Pick(null, "1.2.3", "01", "1.", "-0.5", "1234567890123456", "1.1234567")!, payment?.Currency ?? "EUR"),
        _ => new PaymentDetails(payment?.PaymentId ?? "pay-1", payment?.Amount ?? "1.00", Pick(null, "eur", "EURO", "E1R", "USD")!),
    };

    private List<string>? MutateList(IReadOnlyList<string>? ids, int max)
    {
        var list = ids is null ? [] : ids.ToList();
        switch (_random.Next(6))
        {
            case 0:
                return null;
            case 1:
                return [];
            case 2:
                return [.. Enumerable.Range(0, max + 1).Select(i => $"r-{i}")];
            case 3:
                list.Add(list.Count > 0 ? list[_random.Next(list.Count)] : "r-dup");
                list.Add("r-dup");
                return list;
            case 4:
                list.Insert(_random.Next(list.Count + 1), null!);
                return list;
            default:
                list.Insert(_random.Next(list.Count + 1), PickBadIdentifier("r-ok") ?? "x y");
                return list;
        }
    }

    private AuditEvent WithCardNumber(AuditEvent e)
    {
        var pan = CardNumbers[_random.Next(CardNumbers.Length)];
        return _random.Next(7) switch
        {
            6 => e with { EventId = pan },
            0 => e with { Outcome = new Outcome(e.Outcome?.Result ?? OutcomeResults.Success, pan) },
            1 => e with { Query = new QueryDetails(e.Query?.RecordIds, "find " + pan) },
            2 => e with { Actor = new Actor(pan, e.Actor?.Type ?? ActorTypes.User) },
            3 => e with { Origin = new Origin(e.Origin?.Service ?? "svc", e.Origin?.Ip, pan) },
            4 => e with { Response = new ResponseDetails([pan, "r-1"]) },
            _ => e with { Payment = new PaymentDetails(pan, e.Payment?.Amount ?? "1.00", e.Payment?.Currency ?? "EUR") },
        };
    }

    private string? PickBadIdentifier(string? current) => _random.Next(5) == 0 ? current : BadIdentifiers[_random.Next(BadIdentifiers.Length)];

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
