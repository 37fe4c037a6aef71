namespace PaymentAudit.Core.Contract;

/// <summary>Where an access originated.</summary>
/// <param name="Service">The application that performed the access on the actor's behalf.</param>
/// <param name="Ip">Client IP address (IPv4 or IPv6), when known.</param>
/// <param name="RequestId">Correlation id of the request, when known.</param>
public sealed record Origin(string Service, string? Ip = null, string? RequestId = null);
