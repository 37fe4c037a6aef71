using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// One dashboard that follows an event through the flow: queue, writer, outcomes, table, dead
/// letters, then the history indexer that makes it findable by actor and payment record, and the
/// digests that commit every chain's head under the signing key.
/// </summary>
public sealed class AuditDashboard : Construct
{
    /// <summary>Outcome metrics the writer emits (EMF, Count).</summary>
    public static readonly IReadOnlyList<string> OutcomeMetricNames = ["Accepted", "Rejected", "Redacted", "Duplicate", "ConflictingDuplicate", "Failed"];

    /// <summary>Batch duration metric the writer emits (EMF, Milliseconds).</summary>
    public const string BatchDurationMetricName = "BatchDurationMs";

    /// <summary>Records the indexer added to the history index in a run (EMF, Count).</summary>
    public const string RecordsIndexedMetricName = "RecordsIndexed";

    /// <summary>Duration of an indexer run (EMF, Milliseconds).</summary>
    public const string IndexRunDurationMetricName = "IndexRunDurationMs";

    /// <summary>Chains in a digest (EMF, Count).</summary>
    public const string ChainsDigestedMetricName = "ChainsDigested";

    /// <summary>Chains whose head moved since the previous digest (EMF, Count).</summary>
    public const string ChainsMovedMetricName = "ChainsMoved";

    /// <summary>Duration of a digest run (EMF, Milliseconds).</summary>
    public const string DigestDurationMetricName = "DigestDurationMs";

    private static readonly Duration Period = Duration.Minutes(5);

    /// <summary>Creates the dashboard.</summary>
    public AuditDashboard(Construct scope, string id, AuditDashboardProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var dimensions = new Dictionary<string, string> { [AuditAlarms.EnvironmentDimension] = props.EnvironmentName };
        Metric AppMetric(string name, string statistic) => new(new MetricProps
        {
            Namespace = props.MetricsNamespace,
            MetricName = name,
            DimensionsMap = dimensions,
            Statistic = statistic,
            Period = Period,
        });
        var sum = new MetricOptions { Statistic = Stats.SUM, Period = Period };
        var maximum = new MetricOptions { Statistic = Stats.MAXIMUM, Period = Period };

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = $"PaymentAudit-{props.EnvironmentName}",
            DefaultInterval = Duration.Hours(3),
            Widgets =
            [
                [
                    new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = [.. props.Alarms], Width = 24, Height = 3 }),
                ],
                [
                    Graph("1. Audit queue: sent, received, waiting", [
                        props.Queue.MetricNumberOfMessagesSent(sum),
                        props.Queue.MetricNumberOfMessagesReceived(sum),
                        props.Queue.MetricApproximateNumberOfMessagesVisible(maximum),
                    ]),
                    Graph("Oldest message age (s)", [props.Queue.MetricApproximateAgeOfOldestMessage(maximum)]),
                    Graph("Dead-letter queue", [props.DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(maximum)]),
                ],
                [
                    Graph("2. Writer: invocations, errors, throttles", [
                        props.Writer.MetricInvocations(sum),
                        props.Writer.MetricErrors(sum),
                        props.Writer.MetricThrottles(sum),
                    ]),
                    Graph("Writer duration (ms)", [
                        props.Writer.MetricDuration(new MetricOptions { Statistic = Stats.P(50), Period = Period }),
                        props.Writer.MetricDuration(new MetricOptions { Statistic = Stats.P(99), Period = Period }),
                    ]),
                    Graph("Writer batch duration (ms)", [
                        AppMetric(BatchDurationMetricName, Stats.P(50)),
                        AppMetric(BatchDurationMetricName, Stats.P(99)),
                    ]),
                ],
                [
                    Graph("3. Event outcomes", [.. OutcomeMetricNames.Select(name => AppMetric(name, Stats.SUM))], width: 12),
                    Graph("4. Table: consumed capacity", [
                        props.Table.MetricConsumedWriteCapacityUnits(sum),
                        props.Table.MetricConsumedReadCapacityUnits(sum),
                    ], width: 12),
                ],
                [
                    // The same zero-filled sums the alarms watch; each expression names its metrics m0..m2,
                    // so the two share no graph.
                    Graph("Table: throttled requests", [TableOperationMetrics.Sum(props.Table, "ThrottledRequests", Period)]),
                    Graph("Table: system errors", [TableOperationMetrics.Sum(props.Table, "SystemErrors", Period)]),
                    Graph("Table: conditional check failures (chain races, duplicates)", [
                        props.Table.MetricConditionalCheckFailedRequests(sum),
                    ]),
                ],
                [
                    Graph("5. History indexer: runs, errors, throttles", [
                        props.Indexer.MetricInvocations(sum),
                        props.Indexer.MetricErrors(sum),
                        props.Indexer.MetricThrottles(sum),
                    ]),
                    Graph("Indexer: records indexed, chains that do not link", [
                        AppMetric(RecordsIndexedMetricName, Stats.SUM),
                        AppMetric(AuditAlarms.IndexProblemsMetricName, Stats.MAXIMUM),
                    ]),
                    Graph("Indexer run duration (ms)", [
                        AppMetric(IndexRunDurationMetricName, Stats.MAXIMUM),
                        props.Indexer.MetricDuration(maximum),
                    ]),
                ],
                [
                    Graph("6. Digests: runs, errors, throttles", [
                        props.Digest.MetricInvocations(sum),
                        props.Digest.MetricErrors(sum),
                        props.Digest.MetricThrottles(sum),
                    ]),
                    Graph("Digests stored, chains digested and moved", [
                        AppMetric(AuditAlarms.DigestsWrittenMetricName, Stats.SUM),
                        AppMetric(ChainsDigestedMetricName, Stats.MAXIMUM),
                        AppMetric(ChainsMovedMetricName, Stats.SUM),
                    ]),
                    Graph("Digest run duration (ms)", [
                        AppMetric(DigestDurationMetricName, Stats.MAXIMUM),
                        props.Digest.MetricDuration(maximum),
                    ]),
                ],
            ],
        });
    }

    /// <summary>The dashboard.</summary>
    public Dashboard Dashboard { get; }

    private static GraphWidget Graph(string title, IMetric[] metrics, int width = 8) =>
        new(new GraphWidgetProps { Title = title, Left = metrics, Width = width, Height = 6 });
}
