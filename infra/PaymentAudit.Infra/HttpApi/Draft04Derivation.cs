using System.Text.Json.Nodes;

namespace PaymentAudit.Infra.HttpApi;

/// <summary>A draft-04 schema derived from the published one, and what could not be carried over.</summary>
/// <param name="Schema">The draft-04 schema (<c>$schema</c> set, no references).</param>
/// <param name="Dropped">Each dropped keyword as <c>JSON pointer (why)</c>; empty when nothing was lost.</param>
public sealed record Draft04Derivation(JsonObject Schema, IReadOnlyList<string> Dropped);
