using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaymentAudit.Client;
using PaymentAudit.Core.Contract;

namespace PaymentAudit.Local.Demos;

/// <summary>
/// A realistic, reproducible (seeded) stream of audit traffic replaying the hour before the demo
/// started: support agents, refund clerks, fraud analysts and report users viewing and querying
/// payment records through their applications, and services processing payments; some accesses
/// denied or failed. A small share are messages a misbehaving application puts on the queue
/// without the client library: invalid events (quarantined), and events carrying a card number
/// (stored with it masked).
/// </summary>
public sealed class DemoTraffic
{
    /// <summary>How far back the replayed stream starts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // Luhn-valid test card numbers from the card networks' published test ranges: never real cards.
    private static readonly string[] TestCardNumbers = ["4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005"];

    private static readonly string[] FirstNames =
        ["alice", "bob", "carla", "dev", "emma", "farid", "grace", "hugo", "ines", "jonas", "kenji", "lena", "marta", "nils", "olga", "pablo"];

    private static readonly string[] LastNames = ["martin", "nguyen", "rossi", "patel", "schulz", "haddad", "kim", "dubois", "costa", "berg"];

    private static readonly (string Application, ActorRole Role)[] UserApplications =
    [
        ("support-console", ActorRole.Agent),
        ("support-console", ActorRole.Agent),
        ("refunds-service", ActorRole.Refunds),
        ("fraud-review", ActorRole.Analyst),
        ("reporting-portal", ActorRole.Analyst),
    ];

    // 160 people in five applications plus the services: enough actors that the default
    // hash-of-actor strategy spreads the traffic over all message groups.
    private static readonly DemoActor[] Actors =
    [
        .. FirstNames.SelectMany(first => LastNames.Select(last => first + "." + last)).Select((id, i) =>
            new DemoActor(id, ActorTypes.User, UserApplications[i % UserApplications.Length].Application, UserApplications[i % UserApplications.Length].Role)),
        new("svc-checkout", ActorTypes.Service, "checkout-api", ActorRole.Processor),
        new("svc-checkout-eu", ActorTypes.Service, "checkout-api", ActorRole.Processor),
        new("svc-settlement", ActorTypes.Service, "settlement-batch", ActorRole.Processor),
        new("svc-fraud-scorer", ActorTypes.Service, "fraud-review", ActorRole.Analyst),
    ];

    /// <summary>The actor the demo asks about (a support agent).</summary>
    public static string FeaturedActorId => Actors[0].Id;

    private static readonly string[] Currencies = ["EUR", "EUR", "EUR", "USD", "GBP", "CHF"];

    private readonly Random _random;
    private readonly AuditEventFactory _factory;
    private readonly IMessageGroupStrategy _groups;
    private readonly DateTimeOffset _start;
    private readonly int _recordCount;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">Seed: the same seed gives the same stream (ids and times apart).</param>
    /// <param name="groups">The group strategy the client uses, so raw messages land in the chains their actor's events use.</param>
    /// <param name="now">When the replayed hour ends.</param>
    /// <param name="expectedEvents">How many events will be drawn (sizes the pool of payment records).</param>
    public DemoTraffic(int seed, IMessageGroupStrategy groups, DateTimeOffset now, int expectedEvents)
    {
        _random = new Random(seed);
        _factory = new AuditEventFactory();
        _groups = groups;
        _start = now - Window;
        _recordCount = Math.Clamp(expectedEvents / 4, 20, 5_000);
    }

    /// <summary>The id of payment record number <paramref name="n"/>.</summary>
    public static string RecordId(int n) => "pr_" + n.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The most often accessed payment record of the stream (the demo asks who accessed it).</summary>
    public static string HotRecordId => RecordId(1);

    /// <summary>Draws <paramref name="count"/> items in send order; raw (invalid or card-carrying) ones about 1 in 100.</summary>
    public IReadOnlyList<DemoItem> Draw(int count)
    {
        var invalid = Math.Max(2, count / 150);
        var withCards = Math.Max(1, count / 300);
        var rawPositions = new Dictionary<int, bool>();
        while (rawPositions.Count < Math.Min(count, invalid + withCards))
        {
            rawPositions.TryAdd(_random.Next(count), rawPositions.Count < withCards);
        }

        var items = new List<DemoItem>(count);
        var step = Window / count;
        for (var i = 0; i < count; i++)
        {
            var occurredAt = _start + (step * i);
            var auditEvent = NextEvent(occurredAt);
            items.Add(rawPositions.TryGetValue(i, out var withCard)
                ? withCard ? WithCardNumber(auditEvent) : Invalid(auditEvent, i)
                : new DemoItem(auditEvent));
        }

        return items;
    }

    /// <summary>An otherwise valid event with a card number in free text: the client masks it and sends the event.</summary>
    public AuditEvent EventWithCardNumber()
    {
        var auditEvent = NextEvent(_start + Window);
        return auditEvent with { Query = new QueryDetails(Description: "caller read out card " + TestCardNumbers[0] + " to look up a payment") };
    }

    /// <summary>An event whose id is a card number: an identifier is never masked, so the client refuses the event.</summary>
    public AuditEvent EventWithCardNumberAsId() =>
        NextEvent(_start + Window) with { EventId = "evt-" + TestCardNumbers[1].Replace("-", string.Empty, StringComparison.Ordinal) };

    private AuditEvent NextEvent(DateTimeOffset occurredAt)
    {
        var actor = Actors[_random.Next(Actors.Length)];
        var who = new Actor(actor.Id, actor.Type);
        var origin = new Origin(
            actor.Application,
            actor.Type == ActorTypes.User ? $"10.{20 + _random.Next(4)}.{_random.Next(256)}.{1 + _random.Next(254)}" : null,
            Guid.NewGuid().ToString());
        var outcome = NextOutcome(actor);
        var auditEvent = actor.Role switch
        {
            ActorRole.Processor => _factory.PaymentProcessed(who, origin, NextPayment(), outcome),
            ActorRole.Refunds when _random.Next(3) == 0 => _factory.PaymentProcessed(who, origin, NextPayment(), outcome),
            ActorRole.Analyst when _random.Next(2) == 0 => Query(who, origin, outcome),
            _ => _factory.RecordViewed(who, origin, NextRecordId(), outcome),
        };
        return auditEvent with { OccurredAt = occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) };
    }

    private AuditEvent Query(Actor who, Origin origin, Outcome outcome)
    {
        var asked = Enumerable.Range(0, 1 + _random.Next(5)).Select(_ => NextRecordId()).Distinct(StringComparer.Ordinal).ToList();
        var returned = outcome.Result == OutcomeResults.Success ? asked.Where(_ => _random.Next(5) > 0).ToList() : [];
        var description = _random.Next(3) == 0 ? "chargebacks over 500 EUR in the last 30 days" : null;
        return _factory.RecordsQueried(who, origin, new QueryDetails(asked, description), returned, outcome);
    }

    private Outcome NextOutcome(DemoActor actor)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 5 when actor.Type == ActorTypes.User => new Outcome(OutcomeResults.Denied, "role lacks payment-data access"),
            < 8 => new Outcome(OutcomeResults.Failure, "downstream timeout"),
            _ => new Outcome(OutcomeResults.Success),
        };
    }

    private PaymentDetails NextPayment()
    {
        var cents = 100 + _random.Next(250_000);
        var amount = (cents / 100).ToString(CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("D2", CultureInfo.InvariantCulture);
        return new PaymentDetails(NextRecordId(), amount, Currencies[_random.Next(Currencies.Length)]);
    }

    // A skewed choice: a few records (a disputed payment, say) are looked at far more than the rest.
    private string NextRecordId() => _random.Next(10) == 0
        ? RecordId(1 + _random.Next(3))
        : RecordId(1 + _random.Next(_recordCount));

    private DemoItem Invalid(AuditEvent auditEvent, int position)
    {
        var group = _groups.GetMessageGroupId(auditEvent);
        var node = JsonNode.Parse(JsonSerializer.Serialize(auditEvent, AuditEventJsonContext.Default.AuditEvent))!.AsObject();
        string kind;
        switch (position % 5)
        {
            case 0:
                kind = "not JSON";
                return new DemoItem(null, node.ToJsonString()[..40], group, kind);
            case 1:
                kind = "missing actor";
                node.Remove("actor");
                break;
            case 2:
                kind = "bad timestamp";
                node["occurredAt"] = "yesterday afternoon";
                break;
            case 3:
                kind = "unknown schema version";
                node["schemaVersion"] = 99;
                break;
            default:
                kind = "amount as a number";
                node.Remove("payment");
                node["eventType"] = AuditEventTypes.PaymentProcessed;
                node["payment"] = new JsonObject { ["paymentId"] = RecordId(7), ["amount"] = 12.5, ["currency"] = "EUR" };
                break;
        }

        return new DemoItem(null, node.ToJsonString(), group, kind);
    }

    private DemoItem WithCardNumber(AuditEvent auditEvent)
    {
        var card = TestCardNumbers[_random.Next(TestCardNumbers.Length)];
        var leaked = auditEvent with
        {
            Origin = auditEvent.Origin with { RequestId = card.Replace(' ', '-') },
        };
        return new DemoItem(null, JsonSerializer.Serialize(leaked, AuditEventJsonContext.Default.AuditEvent), _groups.GetMessageGroupId(auditEvent), "card number");
    }

    private enum ActorRole
    {
        Agent,
        Refunds,
        Analyst,
        Processor,
    }

    private sealed record DemoActor(string Id, string Type, string Application, ActorRole Role);
}
