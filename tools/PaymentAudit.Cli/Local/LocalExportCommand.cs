using System.CommandLine;
using System.Globalization;
using PaymentAudit.Auditing.Exports;
using PaymentAudit.Cli.Auditing;

namespace PaymentAudit.Cli.Local;

/// <summary>
/// <c>local export</c>: the local stand-in for DynamoDB's export to S3, which DynamoDB Local cannot
/// do. It writes the local table in the documented <c>DYNAMODB_JSON</c> export format (manifest
/// summary, manifest of files, gzipped data files) into the local archive bucket or a folder, for
/// <c>paymentaudit verify --export</c> to read back.
/// </summary>
public static class LocalExportCommand
{
    /// <summary>Where exports go unless <c>--to</c> says otherwise: a folder per export below this prefix of the local archive bucket.</summary>
    public const string DefaultPrefix = "exports/local";

    /// <summary>Builds the command.</summary>
    public static Command Build(TextWriter output, TextWriter error)
    {
        var target = new TargetOptionSet();
        var to = new Option<string?>("--to")
        {
            Description = $"Where to write: a folder, or s3://bucket/prefix on the local S3. Default s3://<local archive bucket>/{DefaultPrefix}/<UTC time>.",
        };
        var command = new Command(
            "export",
            "Export the local audit table in DynamoDB's documented DYNAMODB_JSON export format (the local stand-in for the deployed stack's "
            + "scheduled exports) and print where it went; check it with paymentaudit verify --local --export <location> --digests.\n"
            + "Exit codes: 0 written, 2 usage, 3 store unreachable.");
        target.AddTo(command);
        command.Options.Add(to);
        command.SetAction(async (parsed, cancellationToken) => !target.Read(parsed).Local || target.Read(parsed).Environment is not null
            ? await RefuseAsync(error)
            : await AuditorCommand.RunAsync(parsed, target, error, async (session, _) =>
        {

            var shown = parsed.GetValue(to) is { Length: > 0 } given ? given : NewTarget(session.Target.ArchiveBucket!);
            var result = await ExportAsync(session, ExportLocation.Parse(shown, session.S3), cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"export: {result.Items} items of {session.Target.TableName} at {result.ExportTime:yyyy-MM-ddTHH:mm:ss.fffZ} written to {shown} ({result.SummaryPath})"));
            await output.WriteLineAsync($"check it: paymentaudit verify --local --export {shown} --digests");
            return ExitCodes.Success;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RefuseAsync(TextWriter error)
    {
        await error.WriteLineAsync("error: local export reads the local pipeline's table only (give --local); a deployed stack exports on its own schedule.");
        return ExitCodes.Usage;
    }

    /// <summary>A new folder of <paramref name="bucket"/> for one export: <c>s3://&lt;bucket&gt;/exports/local/&lt;yyyyMMddTHHmmssfffZ&gt;</c>.</summary>
    public static string NewTarget(string bucket) =>
        string.Create(CultureInfo.InvariantCulture, $"s3://{bucket}/{DefaultPrefix}/{DateTime.UtcNow:yyyyMMdd'T'HHmmssfff'Z'}");

    /// <summary>Exports the session's table to <paramref name="location"/>.</summary>
    public static Task<LocalExportResult> ExportAsync(AuditorSession session, ExportLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new LocalTableExporter(session.DynamoDb, TimeProvider.System).ExportAsync(session.Target.TableName, location, string.Empty, cancellationToken);
    }
}
