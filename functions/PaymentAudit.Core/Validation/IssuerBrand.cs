namespace PaymentAudit.Core.Validation;

/// <summary>One brand of the issuer table, as written there.</summary>
/// <param name="Name">The brand, e.g. <c>Visa</c>.</param>
/// <param name="Ranges">Its prefixes and prefix ranges, e.g. <c>2221-2720</c>.</param>
/// <param name="Lengths">The PAN lengths it issues.</param>
internal sealed record IssuerBrand(string Name, IReadOnlyList<string> Ranges, IReadOnlyList<int> Lengths);
