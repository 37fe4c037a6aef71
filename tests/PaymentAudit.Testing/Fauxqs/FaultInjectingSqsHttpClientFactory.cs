using Amazon.Runtime;

namespace PaymentAudit.Testing.Fauxqs;

/// <summary>Gives the AWS SDK an HttpClient whose pipeline runs through a <see cref="SqsFaultInjectingHandler"/>.</summary>
public sealed class FaultInjectingSqsHttpClientFactory : HttpClientFactory
{
    private readonly SqsFaultInjectingHandler _handler;

    /// <summary>Creates the factory around <paramref name="handler"/>.</summary>
    public FaultInjectingSqsHttpClientFactory(SqsFaultInjectingHandler handler) => _handler = handler;

    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    /// <inheritdoc />
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    /// <inheritdoc />
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
