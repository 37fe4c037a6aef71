using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Digests;

namespace PaymentAudit.Digest;

/// <summary>
/// One JSON log record and one CloudWatch Embedded Metric Format record per digest run, each its
/// own write: under Lambda's JSON log format each write becomes one log record, and CloudWatch
/// extracts metrics only from a record that is one whole EMF document. A failed run gets one
/// error log record and no metrics: Lambda's <c>Errors</c> counts it, and the digest-not-written
/// alarm counts only <see cref="DigestsWrittenMetric"/>.
/// </summary>
public sealed class DigestRunTelemetry
{
    /// <summary>Digests stored: 1 per successful run.</summary>
    public const string DigestsWrittenMetric = "DigestsWritten";

    /// <summary>Chains in the digest.</summary>
    public const string ChainsDigestedMetric = "ChainsDigested";

    /// <summary>Chains whose head moved since the previous digest.</summary>
    public const string ChainsMovedMetric = "ChainsMoved";

    /// <summary>Duration of the run.</summary>
    public const string DurationMetric = "DigestDurationMs";

    /// <summary>The dimension every metric carries.</summary>
    public const string EnvironmentDimension = "Environment";

    private readonly TextWriter _output;
    private readonly string _namespace;
    private readonly string _environment;
    private readonly TimeProvider _time;

    /// <summary>Creates telemetry writing to <paramref name="output"/> (stdout in Lambda).</summary>
    public DigestRunTelemetry(TextWriter output, string metricsNamespace, string environment, TimeProvider time)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _namespace = metricsNamespace;
        _environment = environment;
        _time = time;
    }

    /// <summary>Writes the records of a run that stored a digest and took <paramref name="duration"/>.</summary>
    public void Write(DigestRun run, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(run);
        var milliseconds = Math.Round(duration.TotalMilliseconds, 1);
        var log = Json(w =>
        {
            w.WriteString("level", "info");
            w.WriteString("message", "digest stored");
            w.WriteString("key", run.Key);
            w.WriteString("previous", run.Previous);
            w.WriteNumber("chains", run.Chains);
            w.WriteNumber("moved", run.Moved);
            w.WriteNumber("durationMs", milliseconds);
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
            w.WriteStringValue(EnvironmentDimension);
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteStartArray("Metrics");
            Metric(w, DigestsWrittenMetric, "Count");
            Metric(w, ChainsDigestedMetric, "Count");
            Metric(w, ChainsMovedMetric, "Count");
            Metric(w, DurationMetric, "Milliseconds");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteString(EnvironmentDimension, _environment);
            w.WriteNumber(DigestsWrittenMetric, 1);
            w.WriteNumber(ChainsDigestedMetric, run.Chains);
            w.WriteNumber(ChainsMovedMetric, run.Moved);
            w.WriteNumber(DurationMetric, milliseconds);
        });
        Emit(log, metrics);
    }

    /// <summary>Writes the error record of a run that failed with <paramref name="exception"/> after <paramref name="duration"/>.</summary>
    public void WriteFailure(Exception exception, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Emit(Json(w =>
        {
            w.WriteString("level", "error");
            w.WriteString("message", "digest run failed");
            w.WriteString("errorType", exception.GetType().FullName);
            w.WriteString("errorMessage", exception.Message);
            w.WriteNumber("durationMs", Math.Round(duration.TotalMilliseconds, 1));
        }));
    }

    private void Emit(params string[] records)
    {
        lock (_output)
        {
            foreach (var record in records)
            {
                _output.Write(record + "\n");
            }

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
