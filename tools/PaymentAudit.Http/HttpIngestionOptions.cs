using System.Net;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Http;

/// <summary>Settings of the local HTTP ingestion endpoint.</summary>
public sealed record HttpIngestionOptions
{
    /// <summary>Default port of <c>local up --http-port</c>.</summary>
    public const int DefaultPort = 8080;

    /// <summary>URL of the audit queue the events are sent to. Required.</summary>
    public required string QueueUrl { get; init; }

    /// <summary>Port to listen on; 0 picks a free one (tests). Default <see cref="DefaultPort"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Address to listen on. Default the IPv4 loopback: the endpoint has no authentication.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The contract's limits the validator applies. Default <see cref="ValidationLimits.Default"/>.</summary>
    public ValidationLimits Limits { get; init; } = ValidationLimits.Default;

    /// <summary>What a 503 asks the caller to wait before retrying. Default one second (what the deployed API says).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}
