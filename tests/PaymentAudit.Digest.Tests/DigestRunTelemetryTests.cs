using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PaymentAudit.Core.Digests;
using PaymentAudit.Testing.Lambda;

namespace PaymentAudit.Digest.Tests;

public sealed class DigestRunTelemetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 1, TimeSpan.Zero);
    private readonly LambdaLogFrames _frames = new();
    private readonly DigestRunTelemetry _telemetry;

    public DigestRunTelemetryTests() => _telemetry = new DigestRunTelemetry(_frames, "PaymentAudit", "prod", new FakeTimeProvider(Now));

    [Fact]
    public void Run_IsOneLogRecordAndOneEmfRecordEachAWholeJsonDocument()
    {
        _telemetry.Write(Run(), TimeSpan.FromMilliseconds(1234.56));

        _frames.Records.Count.ShouldBe(2);
        _frames.Records.ShouldAllBe(r => r.EndsWith('\n') && r.IndexOf('\n') == r.Length - 1);
        foreach (var record in _frames.Records)
        {
            using var _ = JsonDocument.Parse(record);
        }
    }

    [Fact]
    public void Run_LogRecordNamesTheDigestItsPredecessorAndTheCounts()
    {
        _telemetry.Write(Run(), TimeSpan.FromMilliseconds(1234.56));

        using var log = JsonDocument.Parse(_frames.Records[0]);
        var root = log.RootElement;
        root.GetProperty("level").GetString().ShouldBe("info");
        root.GetProperty("message").GetString().ShouldBe("digest stored");
        root.GetProperty("key").GetString().ShouldBe("digests/prod/2026/11/23/100000.json");
        root.GetProperty("previous").GetString().ShouldBe("digests/prod/2026/11/23/090000.json");
        root.GetProperty("chains").GetInt32().ShouldBe(12);
        root.GetProperty("moved").GetInt32().ShouldBe(3);
        root.GetProperty("durationMs").GetDouble().ShouldBe(1234.6);
        root.TryGetProperty("_aws", out _).ShouldBeFalse();
    }

    [Fact]
    public void Run_EmfRecordDeclaresEveryMetricUnderTheEnvironmentDimension()
    {
        _telemetry.Write(Run(), TimeSpan.FromMilliseconds(250));

        using var metrics = JsonDocument.Parse(_frames.Records[1]);
        var root = metrics.RootElement;
        var aws = root.GetProperty("_aws");
        aws.GetProperty("Timestamp").GetInt64().ShouldBe(Now.ToUnixTimeMilliseconds());
        var directive = aws.GetProperty("CloudWatchMetrics").EnumerateArray().ShouldHaveSingleItem();
        directive.GetProperty("Namespace").GetString().ShouldBe("PaymentAudit");
        directive.GetProperty("Dimensions").EnumerateArray().Select(set => set.EnumerateArray().Select(d => d.GetString()).ToList()).ShouldHaveSingleItem().ShouldBe(["Environment"]);
        directive.GetProperty("Metrics").EnumerateArray().Select(m => (m.GetProperty("Name").GetString(), m.GetProperty("Unit").GetString())).ShouldBe(
        [
            ("DigestsWritten", "Count"), ("ChainsDigested", "Count"), ("ChainsMoved", "Count"), ("DigestDurationMs", "Milliseconds"),
        ]);
        root.GetProperty("Environment").GetString().ShouldBe("prod");
        root.GetProperty("DigestsWritten").GetInt32().ShouldBe(1);
        root.GetProperty("ChainsDigested").GetInt32().ShouldBe(12);
        root.GetProperty("ChainsMoved").GetInt32().ShouldBe(3);
        root.GetProperty("DigestDurationMs").GetDouble().ShouldBe(250);
    }

    [Fact]
    public void FirstDigest_LogsNoPredecessor()
    {
        _telemetry.Write(Run() with { Previous = null }, TimeSpan.Zero);

        using var log = JsonDocument.Parse(_frames.Records[0]);
        log.RootElement.GetProperty("previous").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void FailedRun_IsOneErrorRecordAndNoMetrics()
    {
        _telemetry.WriteFailure(new InvalidDataException("The latest digest cannot be read"), TimeSpan.FromSeconds(2));

        using var log = JsonDocument.Parse(_frames.Records.ShouldHaveSingleItem());
        var root = log.RootElement;
        root.GetProperty("level").GetString().ShouldBe("error");
        root.GetProperty("message").GetString().ShouldBe("digest run failed");
        root.GetProperty("errorType").GetString().ShouldBe("System.IO.InvalidDataException");
        root.GetProperty("errorMessage").GetString().ShouldBe("The latest digest cannot be read");
        root.TryGetProperty("_aws", out _).ShouldBeFalse();
    }

    private static DigestRun Run() => new("digests/prod/2026/11/23/100000.json", 12, 3, "digests/prod/2026/11/23/090000.json");
}
