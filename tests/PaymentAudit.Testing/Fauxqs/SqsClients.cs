using Amazon.Runtime;
using Amazon.SQS;
using PaymentAudit.Testing.Http;

namespace PaymentAudit.Testing.Fauxqs;

/// <summary>AWS SDK SQS clients pointed at a local emulator.</summary>
public static class SqsClients
{
    /// <summary>
    /// A client for <paramref name="serviceUrl"/> with dummy credentials. With <paramref name="faults"/>,
    /// requests go through it and the SDK's own retries are off.
    /// </summary>
    public static AmazonSQSClient Create(Uri serviceUrl, SqsFaultInjectingHandler? faults = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var config = new AmazonSQSConfig
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        };
        if (faults is not null)
        {
            config.HttpClientFactory = new HandlerHttpClientFactory(faults);
            config.MaxErrorRetry = 0;
        }

        return new AmazonSQSClient(new BasicAWSCredentials("local", "local"), config);
    }
}
