using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;

namespace PaymentAudit.Infra.Constructs;

/// <summary>
/// Per-operation DynamoDB metrics summed into one series that exists even when DynamoDB published
/// nothing. DynamoDB publishes <c>ThrottledRequests</c> and <c>SystemErrors</c> for an operation only
/// in periods where one happened; a plain sum over operations is then missing whenever any one
/// operation is quiet, and an alarm that treats missing data as not breaching never fires.
/// <c>FILL(m, 0)</c> turns each quiet series into zeros before the sum.
/// </summary>
public static class TableOperationMetrics
{
    /// <summary>
    /// The operations on the audit table: the writer's PutItem, GetItem and Query, which also cover
    /// the auditors' GetItem and Query.
    /// </summary>
    public static readonly IReadOnlyList<string> WatchedOperations = ["PutItem", "GetItem", "Query"];

    /// <summary>Sum of <paramref name="metricName"/> over <see cref="WatchedOperations"/>, each series filled with 0.</summary>
    public static MathExpression Sum(ITableV2 table, string metricName, Duration period)
    {
        ArgumentNullException.ThrowIfNull(table);
        var metrics = new Dictionary<string, IMetric>(StringComparer.Ordinal);
        for (var i = 0; i < WatchedOperations.Count; i++)
        {
            metrics[$"m{i}"] = new Metric(new MetricProps
            {
                Namespace = "AWS/DynamoDB",
                MetricName = metricName,
                DimensionsMap = new Dictionary<string, string> { ["TableName"] = table.TableName, ["Operation"] = WatchedOperations[i] },
                Statistic = Stats.SUM,
                Period = period,
            });
        }

        return new MathExpression(new MathExpressionProps
        {
            Expression = string.Join(" + ", metrics.Keys.Select(id => $"FILL({id}, 0)")),
            UsingMetrics = metrics,
            Label = $"{metricName} ({string.Join(", ", WatchedOperations)})",
            Period = period,
        });
    }
}
