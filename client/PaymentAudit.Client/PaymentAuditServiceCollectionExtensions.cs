using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PaymentAudit.Client;
using PaymentAudit.Client.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PaymentAudit client.</summary>
public static class PaymentAuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="IAuditTrail"/> and an <see cref="AuditEventFactory"/>.
    /// Uses the <see cref="IAmazonSQS"/>, <see cref="TimeProvider"/> and <see cref="ILoggerFactory"/>
    /// already registered; when none is, an <c>AmazonSQSClient</c> with the SDK's default credential and
    /// region chain and the system clock are added. The options are validated here, so a missing or
    /// wrong setting fails at start with a message naming it.
    /// </summary>
    /// <example><code>services.AddPaymentAudit(new AuditTrailOptions { QueueUrl = configuration["PaymentAudit:QueueUrl"] });</code></example>
    public static IServiceCollection AddPaymentAudit(this IServiceCollection services, AuditTrailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AuditTrailOptionsValidator.ThrowIfInvalid(options);
        return services.AddPaymentAudit(_ => options);
    }

    /// <summary>
    /// Registers a singleton <see cref="IAuditTrail"/> and an <see cref="AuditEventFactory"/>, with
    /// options built from the container (e.g. from configuration). The options are validated when
    /// the trail is first resolved: resolve it at start to fail fast.
    /// </summary>
    /// <example><code>services.AddPaymentAudit(sp => new AuditTrailOptions { QueueUrl = sp.GetRequiredService&lt;IConfiguration&gt;()["PaymentAudit:QueueUrl"] });</code></example>
    public static IServiceCollection AddPaymentAudit(this IServiceCollection services, Func<IServiceProvider, AuditTrailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
        services.TryAddSingleton(sp => new AuditEventFactory(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => AuditTrail.Create(
            sp.GetRequiredService<IAmazonSQS>(),
            options(sp),
            sp.GetService<ILoggerFactory>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
