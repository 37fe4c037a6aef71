using PaymentAudit.Local.Configuration;
using PaymentAudit.Local.Demos;

namespace PaymentAudit.Local.Runs;

/// <summary>The <c>local demo</c> run: start the emulators and the HTTP endpoint, provision, run the demo, stop everything.</summary>
public static class LocalDemoRun
{
    /// <summary>Runs the demo on freshly started emulators, in memory whatever the settings say, and returns its result.</summary>
    /// <exception cref="LocalConfigurationException">A setting is wrong.</exception>
    /// <exception cref="Emulators.EmulatorStartException">An emulator could not start (port taken, Java or Node missing).</exception>
    /// <param name="settings">Ports, names and event source settings.</param>
    /// <param name="options">Volume and shape of the traffic.</param>
    /// <param name="output">Where progress and results are printed.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="afterDemo">Runs once the demo has finished, while the emulators are still up (the auditor's own verify); its answer is returned with the result.</param>
    public static async Task<(DemoResult Result, bool AfterDemo)> RunAsync(
        LocalSettings settings, DemoOptions options, TextWriter output, CancellationToken cancellationToken, Func<DemoResult, CancellationToken, Task<bool>>? afterDemo = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        // The demo starts from nothing and leaves nothing: always in memory.
        settings = (settings with { InMemory = true }).Validate();
        options.Validate();
        output.WriteLine($"local: starting DynamoDB Local on 127.0.0.1:{settings.DynamoDbPort} and fauxqs on 127.0.0.1:{settings.SqsPort} ...");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var environment = await LocalEnvironment.StartAsync(settings, cancellationToken);
        output.WriteLine($"local: emulators up and table, queue and dead-letter queue (maxReceiveCount {settings.MaxReceiveCount}) provisioned in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine("local: " + LocalUpRun.EventSourceLine(settings));
        var eventSource = LocalWriter.CreateEventSource(
            environment.Sqs,
            environment.DynamoDb,
            environment.S3,
            environment.Resources,
            settings.EventSourceFor(environment.Resources.QueueUrl),
            TextWriter.Null,
            settings.WriterParallelGroups);
        await using (var http = await LocalUpRun.StartHttpAsync(environment, settings, cancellationToken))
        {
            var demo = new Demo(
                environment.Sqs,
                environment.DynamoDb,
                environment.S3,
                environment.Resources,
                eventSource,
                options with { HttpEndpoint = http.BaseAddress, DigestKeyPath = options.DigestKeyPath ?? settings.DigestKeyPath },
                output);
            var result = await demo.RunAsync(cancellationToken);
            return (result, afterDemo is null || await afterDemo(result, cancellationToken));
        }
    }
}
