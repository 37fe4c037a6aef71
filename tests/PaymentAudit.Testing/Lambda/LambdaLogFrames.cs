using System.Text;
using System.Text.Json;

namespace PaymentAudit.Testing.Lambda;

/// <summary>
/// Stands in for the managed .NET runtime's console under the JSON log format: each
/// <c>Write(string)</c> reaches the log stream as it is and becomes one log record (one telemetry
/// frame), while each <c>WriteLine</c> is wrapped into the runtime's own JSON record with the text as
/// its escaped <c>message</c>. A test double for one behaviour (Amazon.Lambda.RuntimeSupport's
/// ConsoleLoggerWriter and FileDescriptorLogStream), so tests can check what CloudWatch would see.
/// </summary>
public sealed class LambdaLogFrames : TextWriter
{
    private readonly List<string> _records = [];

    /// <summary>The log records as CloudWatch Logs would receive them, one per frame.</summary>
    public IReadOnlyList<string> Records => _records;

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value) => _records.Add(value.ToString());

    /// <inheritdoc />
    public override void Write(string? value) => _records.Add(value ?? string.Empty);

    /// <inheritdoc />
    public override void WriteLine(string? value) =>
        _records.Add(JsonSerializer.Serialize(new Dictionary<string, string> { ["level"] = "Information", ["message"] = value ?? string.Empty }));
}
