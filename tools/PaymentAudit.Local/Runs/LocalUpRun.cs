using System.Globalization;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.Provisioning;

namespace PaymentAudit.Local.Runs;

/// <summary>
/// The <c>local up</c> run: start the emulators, provision, and run the writer from the queue until
/// cancelled, printing live counters; then stop the emulators.
/// </summary>
public static class LocalUpRun
{
    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled (Ctrl+C).</summary>
    /// <param name="settings">Ports, names and event source settings.</param>
    /// <param name="output">Where to print.</param>
    /// <param name="refreshInPlace">Rewrite one line (an interactive terminal) instead of printing a line per interval.</param>
    /// <param name="interval">How often the counters are printed.</param>
    /// <param name="stoppingToken">Stops the run.</param>
    /// <exception cref="LocalConfigurationException">A setting is wrong.</exception>
    /// <exception cref="Emulators.EmulatorStartException">An emulator could not start (port taken, Java or Node missing).</exception>
    public static async Task RunAsync(LocalSettings settings, TextWriter output, bool refreshInPlace, TimeSpan interval, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        settings.Validate();
        await using var environment = await LocalEnvironment.StartAsync(settings, stoppingToken);
        var resources = environment.Resources;
        output.WriteLine("local: running. Point your application and tools at:");
        output.WriteLine($"  SQS endpoint       {environment.SqsEmulator.ServiceUrl}");
        output.WriteLine($"  audit queue        {resources.QueueUrl}");
        output.WriteLine($"  dead-letter queue  {resources.DeadLetterQueueUrl} (after {settings.MaxReceiveCount} receives)");
        output.WriteLine($"  DynamoDB endpoint  {environment.DynamoDbEmulator.ServiceUrl}");
        output.WriteLine($"  audit table        {resources.TableName}");
        output.WriteLine("  (any access key and secret, region us-east-1). Ctrl+C stops and removes everything.");

        var eventSource = LocalWriter.CreateEventSource(
            environment.Sqs, environment.DynamoDb, environment.S3, resources, settings.VisibilityTimeout, settings.Receivers, TextWriter.Null, settings.WriterParallelGroups);
        var polling = eventSource.RunAsync(stoppingToken);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var line = await CountersLineAsync(environment, eventSource, stoppingToken);
                output.Write(refreshInPlace ? "\r" + line.PadRight(120) : line + Environment.NewLine);
                output.Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await polling;
        output.WriteLine(refreshInPlace ? Environment.NewLine + "local: stopping the emulators" : "local: stopping the emulators");
    }

    private static async Task<string> CountersLineAsync(LocalEnvironment environment, LocalEventSource eventSource, CancellationToken cancellationToken)
    {
        var counters = eventSource.Snapshot();
        var queue = await QueueDepth.ReadAsync(environment.Sqs, environment.Resources.QueueUrl, cancellationToken);
        var deadLetter = await QueueDepth.ReadAsync(environment.Sqs, environment.Resources.DeadLetterQueueUrl, cancellationToken);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} written={counters.Completed} batches={counters.Invocations} retried={counters.ReportedFailures + counters.FailedInvocations} "
            + $"redelivered={counters.Redelivered} queue={queue.Total} dlq={deadLetter.Total}");
    }
}
