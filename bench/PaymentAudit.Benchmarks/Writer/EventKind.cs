using PaymentAudit.Testing.Support;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>One kind of message the cost harness feeds, and how often it comes in the realistic mix.</summary>
/// <param name="Name">Name printed as <c>kind=</c>.</param>
/// <param name="Body">The body of the i-th message of this kind.</param>
/// <param name="IsValid">Whether the writer accepts it (otherwise it is quarantined).</param>
/// <param name="MixWeight">Share of all traffic, in percent, in the default mix.</param>
internal sealed record EventKind(string Name, Func<int, string> Body, bool IsValid, double MixWeight)
{
    /// <summary>The largest SQS message, 256 KiB, less room for the message attributes.</summary>
    public const int LargeJunkBytes = 262_000;

    /// <summary>
    /// The kinds, with a default mix where the six-record query the design calls typical dominates,
    /// single-record views follow, payments processed come next, and invalid messages are rare, the
    /// maximum-size ones rarest. Override with <c>--mix</c>.
    /// </summary>
    public static IReadOnlyList<EventKind> All { get; } =
    [
        new("typical", i => Some.Json(Some.TypicalEvent(i)), IsValid: true, MixWeight: 60),
        new("record-viewed", i => Some.Json(Some.RecordViewedEvent(i)), IsValid: true, MixWeight: 30),
        new("payment-processed", i => Some.Json(Some.PaymentEvent(paymentId: $"pay-{i % 100_000:D6}", minute: i)), IsValid: true, MixWeight: 9),
        new("quarantined", TruncatedEvent, IsValid: false, MixWeight: 0.9),
        new("quarantined-large", i => Some.JunkPayload(i, LargeJunkBytes), IsValid: false, MixWeight: 0.1),
    ];

    /// <summary>A small invalid message: a record-viewed event cut off half-way, as a broken sender would send it.</summary>
    private static string TruncatedEvent(int index)
    {
        var json = Some.Json(Some.RecordViewedEvent(index));
        return json[..(json.Length / 2)];
    }
}
