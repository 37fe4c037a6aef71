using System.Text;
using System.Text.Json;
using PaymentAudit.Core.History;

namespace PaymentAudit.Indexer;

/// <summary>
/// One JSON log record and one CloudWatch Embedded Metric Format record per run, each its own
/// write (see the writer's BatchTelemetry for why that matters under Lambda's JSON log format).
/// </summary>
public sealed class IndexRunTelemetry
{
    private readonly TextWriter _output;
    private readonly string _namespace;
    private readonly string _environment;
    private readonly TimeProvider _time;

    /// <summary>Creates telemetry writing to <paramref name="output"/> (stdout in Lambda).</summary>
    public IndexRunTelemetry(TextWriter output, string metricsNamespace, string environment, TimeProvider time)
    {
        _output = output;
        _namespace = metricsNamespace;
        _environment = environment;
        _time = time;
    }

    /// <summary>Writes the records of a run that took <paramref name="duration"/>.</summary>
    public void Write(IndexRun run, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(run);
        var log = Json(w =>
        {
            w.WriteString("level", run.Problems.Count > 0 ? "warn" : "info");
            w.WriteString("message", "history index run");
            w.WriteNumber("generation", run.Generation);
            w.WriteNumber("chains", run.Chains);
            w.WriteNumber("recordsIndexed", run.RecordsIndexed);
            w.WriteNumber("rowsWritten", run.RowsWritten);
            w.WriteNumber("segmentsWritten", run.SegmentsWritten);
            w.WriteNumber("segmentsMerged", run.SegmentsMerged);
            w.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 1));
            w.WriteStartArray("problems");
            foreach (var problem in run.Problems)
            {
                w.WriteStartObject();
                w.WriteString("chainId", problem.ChainId);
                w.WriteNumber("seq", problem.Seq);
                w.WriteString("detail", problem.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        var metrics = Json(w =>
        {
            w.WriteStartObject("_aws");
            w.WriteNumber("Timestamp", _time.GetUtcNow().ToUnixTimeMilliseconds());
            w.WriteStartArray("CloudWatchMetrics");
            w.WriteStartObject();
            w.WriteString("Namespace", _namespace);
            w.WriteStartArray("Dimensions");
            w.WriteStartArray();
            w.WriteStringValue("Environment");
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteStartArray("Metrics");
            Metric(w, "RecordsIndexed", "Count");
            Metric(w, "IndexProblems", "Count");
            Metric(w, "IndexRunDurationMs", "Milliseconds");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString("Environment", _environment);
            w.WriteNumber("RecordsIndexed", run.RecordsIndexed);
            w.WriteNumber("IndexProblems", run.Problems.Count);
            w.WriteNumber("IndexRunDurationMs", Math.Round(duration.TotalMilliseconds, 1));
        });
        lock (_output)
        {
            _output.Write(log + "\n");
            _output.Write(metrics + "\n");
            _output.Flush();
        }
    }

    private static void Metric(Utf8JsonWriter w, string name, string unit)
    {
        w.WriteStartObject();
        w.WriteString("Name", name);
        w.WriteString("Unit", unit);
        w.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
