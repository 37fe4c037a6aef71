using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using PaymentAudit.Auditing.Queries;
using PaymentAudit.Auditing.Targets;
using PaymentAudit.Auditing.Verification;
using PaymentAudit.Core.Topology;
using PaymentAudit.Core.Validation;
using PaymentAudit.Local;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Storage;

namespace PaymentAudit.Benchmarks.Verification;

/// <summary>
/// <c>paymentaudit verify</c> end to end over a large trail on DynamoDB Local. Starts DynamoDB Local
/// keeping its tables on disk (<c>-dbPath</c>, in a temporary folder removed at the end), provisions
/// the audit table as the local pipeline does, stores a trail of <c>--records</c> records over
/// <c>--chains</c> chains in the writer's storage format (<see cref="TrailSeeder"/>), then runs the
/// auditors' verifier as the command does (<see cref="TrailVerifier"/> over the table, the chain
/// directory and the event index, <c>--parallel</c> chains at once) and prints the command's summary
/// line. The trail has no history index and no archived payload, so, as for a target without an
/// archive bucket, neither is checked and no S3 emulator is started. With <c>--named-chains</c> every
/// chain is named, as <c>paymentaudit verify --chain &lt;id&gt;</c> does: every record is still read
/// and checked, but not the event index, whose scan DynamoDB Local answers ever more slowly as the
/// index grows. Then it takes the figure apart: the time and the CPU DynamoDB Local and this process
/// used in each phase, the same chain reads without any checking, and the verifier's own work per
/// record in memory.
/// Usage: harness verify [--records 1000000] [--chains 64] [--parallel 8] [--named-chains] [--keep].
/// Exit code 0 when every record was verified and none violates, 1 otherwise, 2 usage, 3 DynamoDB Local did not start.
/// </summary>
public sealed class VerifyHarness : IHarness
{
    private const int SeedRequestsInFlight = 8;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public string Name => "verify";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (!VerifyOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        Console.WriteLine($"// load average at start: {MachineLoad.Average()}; {Environment.ProcessorCount} cores");
        var dataFolder = Path.Combine(Path.GetTempPath(), $"paymentaudit-verify-{Guid.NewGuid():N}");
        try
        {
            EmulatorProcess emulator;
            try
            {
                emulator = await DynamoDbLocalEmulator.StartAsync(LoopbackPort.FindFree(), dataFolder, cancellationToken);
            }
            catch (EmulatorStartException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 3;
            }

            await using (emulator)
            {
                return await RunAsync(emulator, dataFolder, options, cancellationToken);
            }
        }
        finally
        {
            if (options.Keep)
            {
                Console.WriteLine($"// kept DynamoDB Local's data folder (-dbPath, -sharedDb): {dataFolder}");
            }
            else if (Directory.Exists(dataFolder))
            {
                Directory.Delete(dataFolder, recursive: true);
            }
        }
    }

    private static async Task<int> RunAsync(EmulatorProcess emulator, string dataFolder, VerifyOptions options, CancellationToken cancellationToken)
    {
        var table = LocalResourceNames.Table();
        using var dynamoDb = LocalClients.DynamoDb(emulator.ServiceUrl);
        await AuditTableProvisioner.EnsureTableAsync(dynamoDb, table, cancellationToken);
        Console.WriteLine($"// DynamoDB Local at {emulator.ServiceUrl}, tables on disk in {dataFolder}; table {table}");

        var seed = await SeedAsync(dynamoDb, table, options, cancellationToken);
        if (seed.Items != seed.Records + seed.Chains)
        {
            await Console.Error.WriteLineAsync($"seeding stored {seed.Items} items, expected {seed.Records + seed.Chains}");
            return 1;
        }

        // As paymentaudit verify opens it for a target without an archive bucket: the CLI's client
        // for the table, an empty history index, no archive.
        var target = new AuditTarget { Kind = TargetKind.Local, Description = "DynamoDB Local (harness)", TableName = table, DynamoDbServiceUrl = emulator.ServiceUrl };
        using var clients = new TargetClients(target);
        var reader = new AuditTrailReader(clients.DynamoDb(), table);
        IReadOnlyList<string> named = options.NamedChains ? await reader.ListChainIdsAsync(cancellationToken) : [];
        var (report, phases) = await VerifyAsync(reader, emulator, new VerifyRequest(named, 1, options.Parallel), cancellationToken);
        if (!report.Complete)
        {
            return 1;
        }

        await SplitAsync(reader, report, phases, options.Parallel, cancellationToken);
        return report.IsIntact && report.Records == options.Records ? 0 : 1;
    }

    private static async Task<SeedResult> SeedAsync(IAmazonDynamoDB dynamoDb, string table, VerifyOptions options, CancellationToken cancellationToken)
    {
        var items = (long)options.Records + options.Chains;
        Console.WriteLine($"// seeding {options.Records} records over {options.Chains} chains (writer's item format, {TrailSeeder.BatchSize} items per BatchWriteItem, {SeedRequestsInFlight} requests in flight)");
        var seeder = new TrailSeeder(dynamoDb, table, SeedRequestsInFlight);
        var started = Stopwatch.GetTimestamp();
        SeedResult seed;
        await using (new ProgressTicker(ProgressInterval, () =>
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
            return string.Create(CultureInfo.InvariantCulture, $"// seeding: {seeder.ItemsWritten}/{items} items stored, {seeder.RecordsLinked} records linked, {seeder.ItemsWritten / elapsed:0} items/s, {elapsed:0} s");
        }))
        {
            seed = await seeder.SeedAsync(options.Records, options.Chains, cancellationToken);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// stored {seed.Accepted} accepted and {seed.Quarantined} quarantined records (mean body {seed.MeanBodyCharacters:0} characters) and {seed.Chains} directory entries in {seed.Requests} requests ({seed.Retries} resending unprocessed items)"));
        Console.WriteLine(seed.Line());
        return seed;
    }

    private static async Task<(TrailReport Report, VerifyPhases Phases)> VerifyAsync(
        AuditTrailReader reader, EmulatorProcess emulator, VerifyRequest request, CancellationToken cancellationToken)
    {
        var verifier = new TrailVerifier(reader, new EmptyHistoryStore(), archive: null, new AuditEventValidator());
        VerifyProgress? latest = null;
        var loadAtStart = MachineLoad.Average();
        var start = new CpuMark(TimeSpan.Zero, MachineLoad.CpuTime(emulator.ProcessIds), MachineLoad.OwnCpuTime());
        CpuMark? walked = null;
        Console.WriteLine(request.IsWhole
            ? $"// verifying the whole trail as paymentaudit verify does, --parallel {request.Parallel}; load average {loadAtStart}"
            : $"// verifying every chain by name, as paymentaudit verify --chain <id> (x{request.ChainIds.Count}) does: no event index check; --parallel {request.Parallel}; load average {loadAtStart}");
        var started = Stopwatch.GetTimestamp();
        TrailReport report;
        await using (new ProgressTicker(ProgressInterval, () => Volatile.Read(ref latest) is { } p
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"// verifying: chains {p.ChainsDone}/{p.Chains}  records {p.Records}  violations {p.Violations}  {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s{(walked is { } w ? $"  (chains walked in {w.Elapsed.TotalSeconds:0} s: checking the event index)" : string.Empty)}")
            : "// verifying: listing chains"))
        {
            report = await verifier.VerifyAsync(
                request,
                progress =>
                {
                    Volatile.Write(ref latest, progress);
                    if (progress.Chains > 0 && progress.ChainsDone == progress.Chains && Volatile.Read(ref walked) is null)
                    {
                        Interlocked.CompareExchange(ref walked, new CpuMark(progress.Elapsed, MachineLoad.CpuTime(emulator.ProcessIds), MachineLoad.OwnCpuTime()), null);
                    }
                },
                cancellationToken);
        }

        var end = new CpuMark(report.Duration, MachineLoad.CpuTime(emulator.ProcessIds), MachineLoad.OwnCpuTime());
        foreach (var violation in report.Violations.Take(20))
        {
            Console.WriteLine(violation.ToString());
        }

        foreach (var notice in report.Notices.Take(20))
        {
            Console.WriteLine("notice: " + notice);
        }

        var phases = new VerifyPhases(start, walked ?? end, end);
        Console.WriteLine(report.SummaryLine);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"verify-run: elapsed_s={report.Duration.TotalSeconds:0.0} chain_walk_s={phases.Walk.Elapsed.TotalSeconds:0.0} event_index_s={phases.Index.Elapsed.TotalSeconds:0.0} parallel={request.Parallel} load_start={loadAtStart.Replace(' ', '/')} load_end={MachineLoad.Average().Replace(' ', '/')}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"verify-cpu: walk_dynamodb_local_s={phases.Walk.Emulator.TotalSeconds:0.0} walk_harness_s={phases.Walk.Own.TotalSeconds:0.0} index_dynamodb_local_s={phases.Index.Emulator.TotalSeconds:0.0} index_harness_s={phases.Index.Own.TotalSeconds:0.0} cores={Environment.ProcessorCount}"));
        return (report, phases);
    }

    private static async Task SplitAsync(AuditTrailReader reader, TrailReport report, VerifyPhases phases, int parallel, CancellationToken cancellationToken)
    {
        var split = new VerificationSplit(reader);
        var started = Stopwatch.GetTimestamp();
        (long Records, TimeSpan Elapsed) read;
        await using (new ProgressTicker(ProgressInterval, () => string.Create(
            CultureInfo.InvariantCulture, $"// reading the chains only: records {split.RecordsRead}  {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s")))
        {
            read = await split.ReadChainsAsync(parallel, cancellationToken);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"read-only: records={read.Records} s={read.Elapsed.TotalSeconds:0.0} records_per_s={read.Records / read.Elapsed.TotalSeconds:0} parallel={parallel} (every chain, same queries, nothing checked)"));

        var (sampled, perRecord) = await split.VerifierInMemoryAsync(cancellationToken);
        var verifierCpu = perRecord * report.Records;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"verifier-in-memory: records={sampled} us_per_record={perRecord.TotalMicroseconds:0.00} trail_cpu_s={verifierCpu.TotalSeconds:0.0} (one thread, projections made)"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// the chain walk took {phases.Walk.Elapsed.TotalSeconds:0.0} s and reading the same chains without checking {read.Elapsed.TotalSeconds:0.0} s; "
            + $"the verifier's own work is about {verifierCpu.TotalSeconds:0.0} CPU-s of the {phases.Walk.Own.TotalSeconds:0.0} this process used during the walk, while DynamoDB Local used {phases.Walk.Emulator.TotalSeconds:0.0}"));
    }

    /// <summary>Elapsed time and the CPU time DynamoDB Local and this process had used, at one moment of a verification.</summary>
    private sealed record CpuMark(TimeSpan Elapsed, TimeSpan Emulator, TimeSpan Own)
    {
        public CpuMark Since(CpuMark earlier) => new(Elapsed - earlier.Elapsed, Emulator - earlier.Emulator, Own - earlier.Own);
    }

    /// <summary>A verification's two phases: walking the chains, then checking the event index (empty when chains are named).</summary>
    private sealed record VerifyPhases(CpuMark Start, CpuMark Walked, CpuMark End)
    {
        public CpuMark Walk => Walked.Since(Start);

        public CpuMark Index => End.Since(Walked);
    }
}
