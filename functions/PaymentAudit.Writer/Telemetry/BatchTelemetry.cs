using System.Text;
using System.Text.Json;
using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Writer.Telemetry;

/// <summary>
/// Writes one JSON log line per batch (counts and ids only, never payloads) and one CloudWatch
/// Embedded Metric Format line with the batch's counters.
/// </summary>
public sealed class BatchTelemetry
{
    private static readonly string[] CountMetrics = ["Accepted", "Rejected", "Duplicate", "Failed"];
    private readonly TextWriter _output;
    private readonly string _namespace;
    private readonly string _environment;
    private readonly TimeProvider _time;

    /// <summary>Creates telemetry writing to <paramref name="output"/> (stdout in Lambda).</summary>
    public BatchTelemetry(TextWriter output, string metricsNamespace, string environment, TimeProvider time)
    {
        _output = output;
        _namespace = metricsNamespace;
        _environment = environment;
        _time = time;
    }

    /// <summary>Writes the log line and the metrics line of <paramref name="report"/>.</summary>
    public void Write(BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new StringBuilder();
        lines.AppendLine(LogLine(report)).AppendLine(MetricsLine(report));
        lock (_output)
        {
            _output.Write(lines.ToString());
            _output.Flush();
        }
    }

    /// <summary>Writes an error line for a failed group: the chain and the fault type and message, nothing from payloads.</summary>
    public void GroupFailed(string chainId, Exception fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var line = Json(w =>
        {
            w.WriteString("level", "error");
            w.WriteString("message", "group not stored; its messages stay queued");
            w.WriteString("chainId", chainId);
            w.WriteString("fault", fault.GetType().Name);
            w.WriteString("detail", fault.Message);
        });
        lock (_output)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private static string LogLine(BatchReport report) => Json(w =>
    {
        w.WriteString("level", report.Count(MessageOutcome.Failed) > 0 ? "warn" : "info");
        w.WriteString("message", "batch processed");
        w.WriteNumber("messages", report.Messages.Count);
        w.WriteNumber("accepted", report.Count(MessageOutcome.Accepted));
        w.WriteNumber("rejected", report.Count(MessageOutcome.Rejected));
        w.WriteNumber("duplicate", report.Count(MessageOutcome.Duplicate));
        w.WriteNumber("failed", report.Count(MessageOutcome.Failed));
        w.WriteNumber("durationMs", Math.Round(report.Duration.TotalMilliseconds, 1));
        w.WriteStartArray("failedMessageIds");
        foreach (var id in report.FailedMessageIds)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteStartArray("rejections");
        foreach (var m in report.Messages.Where(m => m.Outcome == MessageOutcome.Rejected))
        {
            w.WriteStartObject();
            w.WriteString("messageId", m.MessageId);
            w.WriteString("chainId", m.ChainId);
            w.WriteNumber("seq", m.Seq ?? 0);
            w.WriteString("code", m.RejectionCode);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private string MetricsLine(BatchReport report) => Json(w =>
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
        foreach (var name in CountMetrics)
        {
            Metric(w, name, "Count");
        }

        Metric(w, "BatchDurationMs", "Milliseconds");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("Environment", _environment);
        w.WriteNumber("Accepted", report.Count(MessageOutcome.Accepted));
        w.WriteNumber("Rejected", report.Count(MessageOutcome.Rejected));
        w.WriteNumber("Duplicate", report.Count(MessageOutcome.Duplicate));
        w.WriteNumber("Failed", report.Count(MessageOutcome.Failed));
        w.WriteNumber("BatchDurationMs", Math.Round(report.Duration.TotalMilliseconds, 1));
    });

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
