using Amazon.Runtime;

namespace PaymentAudit.Testing.Http;

/// <summary>
/// Gives an AWS SDK client an HttpClient over a handler of the test's choosing (a fault injector,
/// a request counter), so tests exercise the SDK's real error and retry path.
/// </summary>
public sealed class HandlerHttpClientFactory : HttpClientFactory
{
    private readonly HttpMessageHandler _handler;

    /// <summary>Creates the factory around <paramref name="handler"/>, which the caller owns.</summary>
    public HandlerHttpClientFactory(HttpMessageHandler handler) => _handler = handler;

    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(_handler, disposeHandler: false);

    /// <inheritdoc />
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    /// <inheritdoc />
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
