using Microsoft.Extensions.Options;

namespace PaymentAudit.Client.Internal;

/// <summary>Checks <see cref="AuditTrailOptions"/> once, at start; every failure names the setting and says what is expected.</summary>
internal sealed class AuditTrailOptionsValidator : IValidateOptions<AuditTrailOptions>
{
    private const string Prefix = nameof(AuditTrailOptions) + ".";

    public static void ThrowIfInvalid(AuditTrailOptions options)
    {
        var result = new AuditTrailOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AuditTrailOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, AuditTrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.QueueUrl))
        {
            failures.Add($"{Prefix}{nameof(AuditTrailOptions.QueueUrl)} is required: set it to the URL of the FIFO audit queue, "
                + "e.g. https://sqs.eu-west-1.amazonaws.com/123456789012/payment-audit.fifo.");
        }
        else if (!Uri.TryCreate(options.QueueUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{Prefix}{nameof(AuditTrailOptions.QueueUrl)} must be an absolute http(s) URL of the audit queue.");
        }
        else if (!url.AbsolutePath.EndsWith(".fifo", StringComparison.Ordinal))
        {
            failures.Add($"{Prefix}{nameof(AuditTrailOptions.QueueUrl)} must name a FIFO queue (a name ending in '.fifo'): "
                + "the audit trail relies on message groups and deduplication.");
        }

        if (options.GroupStrategy is null)
        {
            failures.Add($"{Prefix}{nameof(AuditTrailOptions.GroupStrategy)} must not be null; leave it unset for the default.");
        }

        Require(failures, options.BatchWindow >= TimeSpan.Zero && options.BatchWindow <= TimeSpan.FromSeconds(1), nameof(AuditTrailOptions.BatchWindow), "must be between 0 and 1 second");
        Require(failures, options.BufferCapacity is >= 1 and <= 1_000_000, nameof(AuditTrailOptions.BufferCapacity), "must be between 1 and 1,000,000");
        Require(failures, options.MaxConcurrentBatches is >= 1 and <= 100, nameof(AuditTrailOptions.MaxConcurrentBatches), "must be between 1 and 100");
        Require(failures, options.MaxAttempts is >= 1 and <= 100, nameof(AuditTrailOptions.MaxAttempts), "must be between 1 and 100");
        Require(failures, options.RetryBaseDelay > TimeSpan.Zero, nameof(AuditTrailOptions.RetryBaseDelay), "must be positive");
        Require(failures, options.RetryMaxDelay >= options.RetryBaseDelay, nameof(AuditTrailOptions.RetryMaxDelay), "must be at least RetryBaseDelay");
        Require(failures, options.ShutdownTimeout >= TimeSpan.Zero, nameof(AuditTrailOptions.ShutdownTimeout), "must not be negative");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string setting, string expectation)
    {
        if (!condition)
        {
            failures.Add($"{Prefix}{setting} {expectation}.");
        }
    }
}
