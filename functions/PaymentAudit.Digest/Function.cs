using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PaymentAudit.Core.Digests;
using PaymentAudit.Storage.Configuration;

namespace PaymentAudit.Digest;

/// <summary>
/// Lambda entry point for the managed <c>dotnet10</c> runtime, run on a schedule. Handler string:
/// <c>PaymentAudit.Digest::PaymentAudit.Digest.Function::HandleAsync</c>. The scheduled event's
/// content is not used: each invocation digests every chain's head as it is then. A failed run
/// throws, so Lambda counts it in <c>Errors</c>.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "The deployed handler string names this type; Function is the Lambda convention.")]
public sealed class Function
{
    private readonly Digester _digester;
    private readonly DigestRunTelemetry _telemetry;

    /// <summary>Called by the Lambda runtime: reads and validates the environment, fails fast if it is wrong.</summary>
    public Function()
    {
        var settings = DigestSettings.FromEnvironment(Environment.GetEnvironmentVariables());
        _digester = DigestComposition.CreateDigester(
            settings, AwsClients.DynamoDb(settings.DynamoDbServiceUrl), AwsClients.S3(settings.S3ServiceUrl), AwsClients.Kms(), TimeProvider.System);
        _telemetry = new DigestRunTelemetry(Console.Out, settings.MetricsNamespace, settings.Environment, TimeProvider.System);
    }

    /// <summary>Makes, signs and stores one digest and answers with its key.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        var started = Stopwatch.GetTimestamp();
        DigestRun run;
        try
        {
            run = await _digester.RunAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            _telemetry.WriteFailure(ex, Stopwatch.GetElapsedTime(started));
            throw;
        }

        _telemetry.Write(run, Stopwatch.GetElapsedTime(started));
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("key", run.Key);
            writer.WriteNumber("chains", run.Chains);
            writer.WriteNumber("moved", run.Moved);
            writer.WriteString("previous", run.Previous);
            writer.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }
}
