using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>
/// Sits between the AWS SDK and DynamoDB Local and breaks a chosen share of calls to chosen
/// operations, deterministically (seeded), so fault tests exercise the real SDK error path.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, int> _byOperation = new(StringComparer.Ordinal);

    /// <summary>Creates a handler that forwards to <paramref name="inner"/>.</summary>
    public FaultInjectingHandler(HttpMessageHandler inner, int seed = 17)
        : base(inner)
    {
        _random = new Random(seed);
    }

    /// <summary>Share of targeted calls to break, 0 to 1. Zero turns faults off.</summary>
    public double FaultRate { get; set; }

    /// <summary>Operations to target (the X-Amz-Target suffix, e.g. "TransactWriteItems"); empty targets all.</summary>
    public ISet<string> Operations { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Faults to choose from, uniformly.</summary>
    public IList<FaultKind> Kinds { get; } = new List<FaultKind> { FaultKind.Throttle, FaultKind.ServerError };

    /// <summary>How many calls were broken.</summary>
    public int InjectedFaults { get; private set; }

    /// <summary>How many calls went through.</summary>
    public int Requests { get; private set; }

    /// <summary>How many calls went through, by operation (e.g. "TransactWriteItems").</summary>
    public IReadOnlyDictionary<string, int> RequestsByOperation => _byOperation;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.')[^1] : string.Empty;
        FaultKind? fault = null;
        lock (_gate)
        {
            Requests++;
            _byOperation.AddOrUpdate(operation, 1, (_, count) => count + 1);
            if (FaultRate > 0 && (Operations.Count == 0 || Operations.Contains(operation)) && _random.NextDouble() < FaultRate)
            {
                fault = Kinds[_random.Next(Kinds.Count)];
                InjectedFaults++;
            }
        }

        switch (fault)
        {
            case FaultKind.Throttle:
                return Error(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException", "injected throttling");
            case FaultKind.ServerError:
                return Error(HttpStatusCode.InternalServerError, "InternalServerError", "injected server error");
            case FaultKind.LoseResponseAfterCommit:
                using (var committed = await base.SendAsync(request, cancellationToken))
                {
                    throw new HttpRequestException($"injected: response lost after the service answered {(int)committed.StatusCode}");
                }

            default:
                return await base.SendAsync(request, cancellationToken);
        }
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string type, string message) => new(status)
    {
        Content = new StringContent(
            $"{{\"__type\":\"com.amazonaws.dynamodb.v20120810#{type}\",\"message\":\"{message}\"}}",
            Encoding.UTF8,
            "application/x-amz-json-1.0"),
    };
}
