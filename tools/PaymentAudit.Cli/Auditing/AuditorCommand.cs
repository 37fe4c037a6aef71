using System.CommandLine;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using PaymentAudit.Auditing;
using PaymentAudit.Auditing.Recording;
using PaymentAudit.Auditing.Targets;

namespace PaymentAudit.Cli.Auditing;

/// <summary>What every auditor command shares: the target options, the session, and how failures become exit codes.</summary>
public static class AuditorCommand
{
    /// <summary>Opens a session for the parsed target, runs <paramref name="body"/>, and maps failures to the documented exit codes.</summary>
    public static async Task<int> RunAsync(
        ParseResult parsed, TargetOptionSet target, TextWriter error, Func<AuditorSession, string, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await using var session = await AuditorSession.OpenAsync(target.Read(parsed), cancellationToken);
            return await body(session, CommandText(parsed));
        }
        catch (TargetException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.Usage;
        }
        catch (ReadAuditException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message);
            return ExitCodes.ReadNotAudited;
        }
        catch (Exception ex) when (ex is StoreUnreachableException or ResourceNotFoundException or AmazonClientException or HttpRequestException
            || ex is AmazonServiceException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError })
        {
            await error.WriteLineAsync($"error: the trail's store did not answer: {ex.Message}");
            return ExitCodes.StoreUnreachable;
        }
    }

    /// <summary>The command as typed, for the read's audit event.</summary>
    public static string CommandText(ParseResult parsed) =>
        "paymentaudit " + string.Join(' ', (parsed ?? throw new ArgumentNullException(nameof(parsed))).Tokens.Select(t => t.Value.Contains(' ', StringComparison.Ordinal) ? $"\"{t.Value}\"" : t.Value));
}
