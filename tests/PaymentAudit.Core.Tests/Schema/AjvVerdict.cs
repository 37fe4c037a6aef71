namespace PaymentAudit.Core.Tests.Schema;

/// <summary>What <c>schema/validate.mjs</c> said about one sample.</summary>
/// <param name="Name">The sample's path relative to the folder given to the script.</param>
/// <param name="Valid">ajv's verdict.</param>
/// <param name="Errors">ajv's errors when invalid.</param>
public sealed record AjvVerdict(string Name, bool Valid, IReadOnlyList<string> Errors);
