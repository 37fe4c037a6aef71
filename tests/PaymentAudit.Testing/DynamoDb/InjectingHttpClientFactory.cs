using Amazon.Runtime;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>Gives the AWS SDK an HttpClient whose pipeline runs through a <see cref="FaultInjectingHandler"/>.</summary>
public sealed class InjectingHttpClientFactory : HttpClientFactory
{
    private readonly FaultInjectingHandler _handler;

    /// <summary>Creates the factory around <paramref name="handler"/>.</summary>
    public InjectingHttpClientFactory(FaultInjectingHandler handler) => _handler = handler;

    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    /// <inheritdoc />
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    /// <inheritdoc />
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
