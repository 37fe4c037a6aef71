using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using PaymentAudit.Auditing.Exports;
using PaymentAudit.Auditing.Recording;
using PaymentAudit.Auditing.Targets;
using PaymentAudit.Auditing.Verification;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Digests;
using PaymentAudit.Core.Topology;
using PaymentAudit.Local.Emulators;
using PaymentAudit.Storage.Digests;
using Spectre.Console;

namespace PaymentAudit.Cli.Auditing;

/// <summary><c>paymentaudit verify</c>: checks every chain (or the named ones) and the structures beside them.</summary>
public static class VerifyCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error, bool interactive)
    {
        var target = new TargetOptionSet();
        var chains = new Option<string[]>("--chain") { Description = "Verify only this chain (repeatable). Default: every chain, and then the event index, history index and chain directory too." };
        var fromSeq = new Option<long>("--from-seq") { Description = "Start each chain at this sequence number (its predecessor's hash is checked). Default 1.", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Chains verified at once, 1-64. Default 4.", DefaultValueFactory = _ => 4 };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout: {\"chains\":n,\"records\":n,\"violations\":[{\"chainId\",\"seq\",\"kind\",\"detail\"}]}." };
        var digests = new Option<bool>("--digests")
        {
            Description = "Also verify the environment's signed digests (signatures, links, no missing period) and hold every chain to the heads they commit; "
                + "records newer than the latest digest are counted as undigested.",
        };
        var publicKey = new Option<FileInfo?>("--public-key")
        {
            Description = "PEM file of the digest signing key's public half. Default: KMS GetPublicKey of the stack's signing key (--env), "
                + $"or the local key {LocalKeyHint} (--local).",
        };
        var exports = new Option<string[]>("--export")
        {
            Description = "Verify DynamoDB table exports instead of the table: a directory or s3://bucket/prefix holding one or more exports "
                + "(a full export and the incremental ones after it; repeatable). With --digests, every chain they hold is held to the digests.",
        };
        fromSeq.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) { r.AddError("--from-seq must be 1 or more."); } });
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) { r.AddError("--parallel must be from 1 to 64."); } });
        var command = new Command(
            "verify",
            "Verify the trail: canonical bodies, hash links, sequence continuity, attributes against bodies, heads committed by the history index, "
            + "and (for the whole trail) the event index, history index, chain directory and archived payloads, in both directions.\n"
            + "Exit codes: 0 intact, 4 violations found, 3 store unreachable, 5 this read could not be audited, 2 usage, 130 stopped (partial report).\n"
            + "Example: paymentaudit verify --env prod --parallel 8 --json > verify.json");
        target.AddTo(command);
        command.Options.Add(chains);
        command.Options.Add(fromSeq);
        command.Options.Add(parallel);
        command.Options.Add(json);
        command.Options.Add(digests);
        command.Options.Add(publicKey);
        command.Options.Add(exports);
        command.SetAction((parsed, cancellationToken) => AuditorCommand.RunAsync(parsed, target, error, async (session, text) =>
        {
            var exportTargets = parsed.GetValue(exports) ?? [];
            if (exportTargets.Length > 0 && (parsed.GetValue(chains) is { Length: > 0 } || parsed.GetValue(fromSeq) > 1))
            {
                throw new TargetException("--export verifies whole exports; --chain and --from-seq apply to the table only.");
            }

            await session.RecordReadAsync(ReadKinds.TrailVerified, text, cancellationToken);
            var verified = parsed.GetValue(digests) ? await LoadDigestsAsync(session, parsed.GetValue(publicKey), cancellationToken) : null;
            if (exportTargets.Length > 0)
            {
                return await VerifyExportsAsync(session, exportTargets, verified, parsed.GetValue(json), output, error, cancellationToken);
            }

            var request = new VerifyRequest(parsed.GetValue(chains) ?? [], parsed.GetValue(fromSeq), parsed.GetValue(parallel)) { Digests = verified };
            var verifier = new TrailVerifier(session.Reader, session.History, session.Archive, session.Validator);
            var report = await RunAsync(verifier, request, error, interactive, cancellationToken);
            var asJson = parsed.GetValue(json);
            if (asJson)
            {
                await output.WriteLineAsync(Json(report));
            }
            else
            {
                foreach (var violation in report.Violations)
                {
                    await output.WriteLineAsync(violation.ToString());
                }

                foreach (var notice in report.Notices)
                {
                    await output.WriteLineAsync("notice: " + notice);
                }
            }

            await (asJson ? error : output).WriteLineAsync(report.SummaryLine);
            return !report.IsIntact ? ExitCodes.ViolationsFound : report.Complete ? ExitCodes.Success : ExitCodes.Interrupted;
        }, cancellationToken));
        return command;
    }

    /// <summary>The report as the documented JSON document.</summary>
    public static string Json(TrailReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("chains", report.Chains);
            writer.WriteNumber("records", report.Records);
            writer.WriteBoolean("complete", report.Complete);
            writer.WriteNumber("recordsPerSecond", Math.Round(report.RecordsPerSecond, 1));
            WriteViolations(writer, report.Violations);
            writer.WriteStartArray("notices");
            foreach (var notice in report.Notices)
            {
                writer.WriteStringValue(notice);
            }

            writer.WriteEndArray();
            if (report.Digests is { } digests)
            {
                writer.WriteStartObject("digests");
                writer.WriteNumber("read", digests.Read);
                writer.WriteNumber("verified", digests.Verified);
                writer.WriteNumber("undigested", digests.Undigested);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An export verification as a JSON document: chains, records, verified, exports, violations, notices.</summary>
    public static string Json(ExportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("chains", report.Chains);
            writer.WriteNumber("records", report.Records);
            writer.WriteBoolean("verified", report.IsIntact);
            writer.WriteStartArray("exports");
            foreach (var export in report.Exports)
            {
                writer.WriteStringValue(export.ToString());
            }

            writer.WriteEndArray();
            WriteViolations(writer, report.Violations);
            writer.WriteStartArray("notices");
            foreach (var notice in report.Notices)
            {
                writer.WriteStringValue(notice);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteViolations(Utf8JsonWriter writer, IReadOnlyList<ChainViolation> violations)
    {
        writer.WriteStartArray("violations");
        foreach (var violation in violations)
        {
            writer.WriteStartObject();
            writer.WriteString("chainId", violation.ChainId);
            writer.WriteNumber("seq", violation.Seq);
            writer.WriteString("kind", Kind(violation.Kind));
            writer.WriteString("detail", violation.Detail);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>A violation kind as JSON names it: snake_case.</summary>
    public static string Kind(ViolationKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string LocalKeyHint => Path.Combine(".local-data", LocalResourceNames.DigestKeyFile);

    private static async Task<DigestVerification> LoadDigestsAsync(AuditorSession session, FileInfo? publicKeyFile, CancellationToken cancellationToken)
    {
        if (session.Digests is null)
        {
            throw new TargetException($"{session.Target.Description} has no known digests: --digests needs --env or --local (the archive bucket and the environment name).");
        }

        using var publicKey = await PublicKeyAsync(session, publicKeyFile, cancellationToken);
        return await TrailDigests.LoadAsync(session.Digests, publicKey, DateTimeOffset.UtcNow, cancellationToken);
    }

    private static async Task<ECDsa> PublicKeyAsync(AuditorSession session, FileInfo? file, CancellationToken cancellationToken)
    {
        var path = file?.FullName;
        if (path is null && session.Target.SigningKeyId is { } keyId)
        {
            try
            {
                return await KmsPublicKeys.GetAsync(session.Kms(), keyId, cancellationToken);
            }
            catch (DigestSigningException ex)
            {
                throw new TargetException($"{ex.Message} Pass the public key with --public-key <file.pem> if this identity may not call kms:GetPublicKey.");
            }
        }

        if (path is null && session.Target.Kind == TargetKind.Local)
        {
            path = Path.Combine(RepositoryPaths.Root(), LocalKeyHint);
        }

        if (path is null)
        {
            throw new TargetException("No digest signing key is known for this target: pass --public-key <file.pem>.");
        }

        try
        {
            return DigestSignatures.FromPem(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TargetException($"Cannot read the public key {path}: {ex.Message}");
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new TargetException($"{path} is not the PEM of an ECDSA P-256 public key: {ex.Message}");
        }
    }

    private static async Task<int> VerifyExportsAsync(
        AuditorSession session, string[] targets, DigestVerification? digests, bool asJson, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ExportReport report;
        try
        {
            var locations = targets.Select(t => ExportLocation.Parse(t, session.S3)).ToList();
            report = await new ExportVerifier(session.Validator).VerifyAsync(locations, digests, cancellationToken);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or ArgumentException)
        {
            throw new TargetException(ex.Message);
        }

        if (digests is not null)
        {
            report = report with { Violations = [.. digests.Violations, .. report.Violations] };
        }

        if (asJson)
        {
            await output.WriteLineAsync(Json(report));
        }
        else
        {
            foreach (var export in report.Exports)
            {
                await output.WriteLineAsync("read: " + export);
            }

            foreach (var violation in report.Violations)
            {
                await output.WriteLineAsync(violation.ToString());
            }

            foreach (var notice in report.Notices)
            {
                await output.WriteLineAsync("notice: " + notice);
            }
        }

        if (digests is not null)
        {
            await (asJson ? error : output).WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"digests: read={digests.Digests} verified={digests.Verified}"));
        }

        await (asJson ? error : output).WriteLineAsync(report.SummaryLine);
        return report.IsIntact ? ExitCodes.Success : ExitCodes.ViolationsFound;
    }

    private static async Task<TrailReport> RunAsync(TrailVerifier verifier, VerifyRequest request, TextWriter error, bool interactive, CancellationToken cancellationToken)
    {
        if (!interactive)
        {
            var reporter = new VerifyProgressReporter(error, interactive: false);
            return await verifier.VerifyAsync(request, reporter.Report, cancellationToken);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            ColorSystem = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 } ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        TrailReport? report = null;
        await console.Live(new Text("verifying ...")).StartAsync(async context =>
        {
            var gate = new object();
            TimeSpan? last = null;
            report = await verifier.VerifyAsync(
                request,
                progress =>
                {
                    lock (gate)
                    {
                        if (last is { } shown && progress.Elapsed - shown < TimeSpan.FromMilliseconds(200))
                        {
                            return;
                        }

                        last = progress.Elapsed;
                        context.UpdateTarget(Render(progress));
                    }
                },
                cancellationToken);
        });
        return report!;
    }

    private static Table Render(VerifyProgress progress)
    {
        var table = new Table().HideHeaders().AddColumn("what").AddColumn("value");
        table.AddRow("chains", string.Create(CultureInfo.InvariantCulture, $"{progress.ChainsDone}/{progress.Chains}"));
        table.AddRow("records", progress.Records.ToString(CultureInfo.InvariantCulture));
        table.AddRow("records/s", progress.RecordsPerSecond.ToString("0", CultureInfo.InvariantCulture));
        table.AddRow("violations", progress.Violations.ToString(CultureInfo.InvariantCulture));
        return table;
    }
}
