using System.Globalization;
using PaymentAudit.Http;
using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Digests;
using PaymentAudit.Local.EventSource;
using PaymentAudit.Local.History;
using PaymentAudit.Local.Provisioning;

namespace PaymentAudit.Local.Runs;

/// <summary>
/// The <c>local up</c> run: start the emulators (persisting to the data folder unless in memory),
/// provision, serve the HTTP ingestion routes, and run the writer from the queue until cancelled,
/// printing live counters and appending the writer's own log lines to
/// <see cref="LocalSettings.WriterLogPath"/>; every <see cref="LocalSettings.DigestInterval"/> it
/// brings the history index up to date and writes a signed digest, as the deployed schedules do.
/// Then it stops the emulators.
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
        output.WriteLine(settings.InMemory
            ? "local: in memory (--in-memory): the table and the queues are lost when this run stops."
            : $"local: persistent: the table, the queue and the dead-letter queue are kept in {Path.GetFullPath(settings.DataDirectory)} "
                + "and survive restarts and crashes (--in-memory keeps nothing).");
        await using var environment = await LocalEnvironment.StartAsync(settings, stoppingToken);
        foreach (var leftover in environment.StoppedLeftovers)
        {
            output.WriteLine($"local: stopped {leftover}, left running by an earlier run that was killed");
        }

        var resources = environment.Resources;
        if (!settings.InMemory && await environment.ReleaseLeftInFlightAsync(stoppingToken) is > 0 and var released)
        {
            output.WriteLine($"local: {released} messages an earlier run had received but not settled are queued again");
        }

        await using var http = await StartHttpAsync(environment, settings, stoppingToken);
        output.WriteLine("local: running. Point your application and tools at:");
        output.WriteLine($"  SQS endpoint       {environment.SqsEmulator.ServiceUrl}");
        output.WriteLine($"  audit queue        {resources.QueueUrl}");
        output.WriteLine($"  dead-letter queue  {resources.DeadLetterQueueUrl} (after {settings.MaxReceiveCount} receives)");
        output.WriteLine($"  HTTP ingestion     POST {http.EventsUrl} and {http.BatchUrl}");
        output.WriteLine($"  DynamoDB endpoint  {environment.DynamoDbEmulator.ServiceUrl}");
        output.WriteLine($"  audit table        {resources.TableName}");
        output.WriteLine($"  writer log         {Path.GetFullPath(settings.WriterLogPath)}");
        output.WriteLine($"  digests            every {settings.DigestInterval.TotalSeconds:0} s in s3://{resources.ArchiveBucket}/digests/{LocalDigests.Environment}/, "
            + $"signed with {Path.GetFullPath(settings.DigestKeyPath)}");
        output.WriteLine("  " + EventSourceLine(settings));
        output.WriteLine(settings.InMemory
            ? "  (any access key and secret, region us-east-1). Ctrl+C stops the emulators and discards everything."
            : "  (any access key and secret, region us-east-1). Ctrl+C stops the emulators; the data stays for the next run.");
        output.Flush();

        await using var writerLogFile = OpenWriterLog(settings.WriterLogPath);
        var writerLog = TextWriter.Synchronized(writerLogFile);
        var eventSource = LocalWriter.CreateEventSource(
            environment.Sqs, environment.DynamoDb, environment.S3, resources, settings.EventSourceFor(resources.QueueUrl), writerLog, settings.WriterParallelGroups);
        var polling = eventSource.RunAsync(stoppingToken);
        using var digests = new LocalDigests(environment.DynamoDb, environment.S3, resources, settings.DigestKeyPath, TimeProvider.System);
        var upkeep = new LocalUpkeep(new LocalHistory(environment.DynamoDb, environment.S3, resources, TimeProvider.System), digests, writerLog);
        var upkeeping = upkeep.RunAsync(settings.DigestInterval, stoppingToken);
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var line = await CountersLineAsync(environment, eventSource, stoppingToken) + " " + upkeep.Summary;
                output.Write(refreshInPlace ? "\r" + line.PadRight(120) : line + Environment.NewLine);
                output.Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await polling;
        await upkeeping;
        output.WriteLine(refreshInPlace ? Environment.NewLine + "local: stopping the emulators" : "local: stopping the emulators");
    }

    /// <summary>Starts the HTTP ingestion endpoint in front of the local audit queue on <see cref="LocalSettings.HttpPort"/>.</summary>
    /// <exception cref="Emulators.EmulatorStartException">The port is taken (as a taken emulator port is reported).</exception>
    public static async Task<HttpIngestionHost> StartHttpAsync(LocalEnvironment environment, LocalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            return await HttpIngestionHost.StartAsync(
                environment.Sqs, new HttpIngestionOptions { QueueUrl = environment.Resources.QueueUrl, Port = settings.HttpPort }, cancellationToken);
        }
        catch (IOException ex)
        {
            throw new Emulators.EmulatorStartException(ex.Message, ex);
        }
    }

    /// <summary>Opens the writer's log for appending; others may read it meanwhile (tail -f).</summary>
    public static StreamWriter OpenWriterLog(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        return new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The line that states the event source's timeouts and their relation.</summary>
    public static string EventSourceLine(LocalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"event source: invocation timeout {settings.InvocationTimeout.TotalSeconds:0} s, visibility timeout {settings.VisibilityTimeout.TotalSeconds:0} s "
            + $"({settings.VisibilityTimeout / settings.InvocationTimeout:0.#}x), a failed message is retried after {settings.RetryDelay.TotalSeconds:0} s");
    }

    private static async Task<string> CountersLineAsync(LocalEnvironment environment, LocalEventSource eventSource, CancellationToken cancellationToken)
    {
        var counters = eventSource.Snapshot();
        var queue = await QueueDepth.ReadAsync(environment.Sqs, environment.Resources.QueueUrl, cancellationToken);
        var deadLetter = await QueueDepth.ReadAsync(environment.Sqs, environment.Resources.DeadLetterQueueUrl, cancellationToken);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} written={counters.Completed} batches={counters.Invocations} "
            + $"retried={counters.ReportedFailures + counters.FailedInvocations + counters.TimedOutInvocations} timed_out={counters.TimedOutInvocations} "
            + $"redelivered={counters.Redelivered} queue={queue.Total} dlq={deadLetter.Total}");
    }
}
