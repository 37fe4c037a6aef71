namespace PaymentAudit.Core.Contract;

/// <summary>The user or service that accessed payment data.</summary>
/// <param name="Id">Stable identifier of the user or service account.</param>
/// <param name="Type"><see cref="ActorTypes.User"/> or <see cref="ActorTypes.Service"/>.</param>
public sealed record Actor(string Id, string Type);
