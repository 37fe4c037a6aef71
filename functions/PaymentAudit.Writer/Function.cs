using System.Diagnostics.CodeAnalysis;
using PaymentAudit.Writer.Configuration;

namespace PaymentAudit.Writer;

/// <summary>
/// Lambda entry point for the managed <c>dotnet10</c> runtime. Handler string:
/// <c>PaymentAudit.Writer::PaymentAudit.Writer.Function::HandleAsync</c>. Stream in, stream out,
/// so no Lambda serializer package is needed. Settings are read once per cold start.
/// </summary>
[SuppressMessage("Naming", "CA1716", Justification = "The deployed handler string names this type; Function is the Lambda convention.")]
public sealed class Function
{
    private readonly SqsBatchHandler _handler;

    /// <summary>Called by the Lambda runtime: reads and validates the environment, fails fast if it is wrong.</summary>
    public Function()
    {
        var settings = WriterSettings.FromEnvironment(Environment.GetEnvironmentVariables());
        _handler = WriterComposition.CreateHandler(
            settings, WriterComposition.CreateDynamoDbClient(settings), WriterComposition.CreateS3Client(settings), TimeProvider.System, Console.Out);
    }

    /// <summary>Handles one SQS event and returns the partial batch response.</summary>
    public Task<Stream> HandleAsync(Stream input) => _handler.HandleAsync(input, CancellationToken.None);
}
