using System.Text;
using System.Text.Json;
using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Writer.Telemetry;

/// <summary>
/// Writes one JSON log record per batch (counts and ids only, never payloads) and one CloudWatch
/// Embedded Metric Format (EMF) record with the batch's counters.
/// </summary>
/// <remarks>
/// Each document is written with its own <see cref="TextWriter.Write(string)"/> call, never
/// <c>WriteLine</c>, and never two in one call. Under the function's JSON log format the managed
/// .NET runtime (Amazon.Lambda.RuntimeSupport, <c>ConsoleLoggerWriter</c>) wraps every
/// <c>Console.WriteLine</c> into its own JSON record with the text as an escaped
/// <c>"message"</c> string, which hides <c>_aws</c> from CloudWatch's EMF extraction, while
/// <c>Console.Write</c> passes the text to its log stream unchanged; that stream
/// (<c>FileDescriptorLogStream</c>) turns each flushed write (AutoFlush) into one telemetry frame,
/// i.e. one log record. One document per write is therefore one record whose top level is the
/// document itself: EMF is extracted and the log record stays structured.
/// </remarks>
public sealed class BatchTelemetry
{
    private static readonly string[] CountMetrics = ["Accepted", "Rejected", "Redacted", "Duplicate", "ConflictingDuplicate", "Failed"];
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

    /// <summary>Writes the log record and the metrics record of <paramref name="report"/>, one write each.</summary>
    public void Write(BatchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var log = LogLine(report) + "\n";
        var metrics = MetricsLine(report) + "\n";
        lock (_output)
        {
            _output.Write(log);
            _output.Write(metrics);
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
            _output.Write(line + "\n");
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
        w.WriteNumber("redacted", Redacted(report));
        w.WriteNumber("duplicate", report.Count(MessageOutcome.Duplicate));
        w.WriteNumber("conflictingDuplicate", report.Count(MessageOutcome.ConflictingDuplicate));
        w.WriteNumber("failed", report.Count(MessageOutcome.Failed));
        w.WriteNumber("durationMs", Math.Round(report.Duration.TotalMilliseconds, 1));
        w.WriteStartArray("failedMessageIds");
        foreach (var id in report.FailedMessageIds)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteStartArray("rejections");
        foreach (var m in report.Messages.Where(m => m.Outcome is MessageOutcome.Rejected or MessageOutcome.ConflictingDuplicate))
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
        w.WriteNumber("Redacted", Redacted(report));
        w.WriteNumber("Duplicate", report.Count(MessageOutcome.Duplicate));
        w.WriteNumber("ConflictingDuplicate", report.Count(MessageOutcome.ConflictingDuplicate));
        w.WriteNumber("Failed", report.Count(MessageOutcome.Failed));
        w.WriteNumber("BatchDurationMs", Math.Round(report.Duration.TotalMilliseconds, 1));
    });

    private static int Redacted(BatchReport report) => report.Messages.Count(m => m.Outcome == MessageOutcome.Accepted && m.Redactions > 0);

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
