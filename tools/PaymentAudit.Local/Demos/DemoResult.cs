using System.Globalization;

namespace PaymentAudit.Local.Demos;

/// <summary>What a demo run proved.</summary>
/// <param name="Sent">Messages SQS accepted: events recorded through the client plus raw messages.</param>
/// <param name="Stored">Accepted records in the audit table.</param>
/// <param name="Quarantined">Rejected (quarantined) records in the audit table.</param>
/// <param name="DeadLettered">Messages in the dead-letter queue.</param>
/// <param name="Lost">Sent messages found neither in the table nor in the dead-letter queue.</param>
/// <param name="Doubled">Messages stored more than once.</param>
/// <param name="Chains">Chains in the table.</param>
/// <param name="ChainsVerified">Chains that verified intact.</param>
/// <param name="Drained">True when the queue emptied within the drain timeout.</param>
/// <param name="PipelineTime">From the first send until the queue was drained.</param>
/// <param name="StoredAndDeadLettered">Sent messages both stored and in the dead-letter queue (not lost, but each one a false dead-letter alarm).</param>
/// <param name="Redacted">Records the writer stored with a card number masked.</param>
/// <param name="ClearCardNumbers">Stored records holding a card number in the clear (must be none).</param>
public sealed record DemoResult(
    long Sent,
    long Stored,
    long Quarantined,
    long DeadLettered,
    long Lost,
    long Doubled,
    int Chains,
    int ChainsVerified,
    bool Drained,
    TimeSpan PipelineTime,
    long StoredAndDeadLettered,
    long Redacted,
    long ClearCardNumbers)
{
    /// <summary>Events through the whole pipeline (client, queue, writer, table) per second.</summary>
    public double EventsPerSecond => PipelineTime > TimeSpan.Zero ? Sent / PipelineTime.TotalSeconds : 0;

    /// <summary>True when nothing was lost or doubled, no card number is stored in the clear and every chain verified.</summary>
    public bool Succeeded => Lost == 0 && Doubled == 0 && ClearCardNumbers == 0 && ChainsVerified == Chains && Drained;

    /// <summary>The line before the closing one: <c>demo: stored_and_dead_lettered=..</c>.</summary>
    public string OverlapLine => string.Create(CultureInfo.InvariantCulture, $"demo: stored_and_dead_lettered={StoredAndDeadLettered}");

    /// <summary>The closing line: <c>demo: sent=.. stored=.. quarantined=.. dlq=.. lost=.. chains_verified=k/k</c>.</summary>
    public string SummaryLine => string.Create(
        CultureInfo.InvariantCulture,
        $"demo: sent={Sent} stored={Stored} quarantined={Quarantined} dlq={DeadLettered} lost={Lost} chains_verified={ChainsVerified}/{Chains}");
}
