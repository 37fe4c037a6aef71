using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using PaymentAudit.Core.History;
using PaymentAudit.Storage.Configuration;

namespace PaymentAudit.Indexer;

/// <summary>
/// Lambda entry point for the managed <c>dotnet10</c> runtime, run on a schedule. Handler string:
/// <c>PaymentAudit.Indexer::PaymentAudit.Indexer.Function::HandleAsync</c>. The scheduled event's
/// content is not used: each invocation indexes whatever is new.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "The deployed handler string names this type; Function is the Lambda convention.")]
public sealed class Function
{
    private readonly HistoryIndexer _indexer;
    private readonly IndexRunTelemetry _telemetry;

    /// <summary>Called by the Lambda runtime: reads and validates the environment, fails fast if it is wrong.</summary>
    public Function()
    {
        var settings = IndexerSettings.FromEnvironment(Environment.GetEnvironmentVariables());
        _indexer = IndexerComposition.CreateIndexer(settings, AwsClients.DynamoDb(settings.DynamoDbServiceUrl), AwsClients.S3(settings.S3ServiceUrl), TimeProvider.System);
        _telemetry = new IndexRunTelemetry(Console.Out, settings.MetricsNamespace, settings.Environment, TimeProvider.System);
    }

    /// <summary>Runs the indexer once and answers with the generation it committed.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var started = Stopwatch.GetTimestamp();
        var run = await _indexer.RunAsync(CancellationToken.None);
        _telemetry.Write(run, Stopwatch.GetElapsedTime(started));
        return new MemoryStream(Encoding.UTF8.GetBytes($"{{\"generation\":{run.Generation},\"recordsIndexed\":{run.RecordsIndexed},\"problems\":{run.Problems.Count}}}"));
    }
}
