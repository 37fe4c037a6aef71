using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>
/// One sample of <c>Schema/Corpus</c>. Its folder records the expected verdict: <c>valid/</c> and
/// <c>invalid/</c> form the agreement set (schema and validator must both give that verdict);
/// <c>beyond-schema/</c> holds samples the schema accepts but the validator refuses under a rule
/// the schema documents without expressing (card numbers in the event id, duplicate names, lone
/// surrogates); <c>redacted/</c> holds samples both accept, the validator only after masking a card
/// number. Refused samples are named <c>&lt;rejection code&gt;__&lt;what is wrong&gt;.json</c>,
/// redacted ones <c>&lt;path of the masked field&gt;__&lt;what it held&gt;.json</c>.
/// </summary>
/// <param name="Name">Path under the corpus folder with forward slashes, e.g. <c>invalid/missing_field__actor.json</c>.</param>
public sealed record CorpusSample(string Name)
{
    /// <summary>Folder of the agreement set's accepted samples.</summary>
    public const string Valid = "valid";

    /// <summary>Folder of the agreement set's refused samples.</summary>
    public const string Invalid = "invalid";

    /// <summary>Folder of samples only the validator can refuse.</summary>
    public const string BeyondSchema = "beyond-schema";

    /// <summary>Folder of samples the validator accepts with a card number masked.</summary>
    public const string Redacted = "redacted";

    /// <summary>Absolute path of the corpus folder.</summary>
    public static string Folder => RepositoryRoot.Combine("tests", "PaymentAudit.Core.Tests", "Schema", "Corpus");

    /// <summary>The folder the sample sits in.</summary>
    public string Kind => Name[..Name.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The rejection code a refused sample must get, in its stored snake_case form.</summary>
    public string? ExpectedCode => Kind is Valid or Redacted ? null : System.IO.Path.GetFileName(Name).Split("__")[0];

    /// <summary>The path of the field a redacted sample gets masked, e.g. <c>query.recordIds[1]</c>.</summary>
    public string? ExpectedRedaction => Kind == Redacted ? System.IO.Path.GetFileName(Name).Split("__")[0] : null;

    /// <summary>The sample's text exactly as stored.</summary>
    public string ReadText() => File.ReadAllText(System.IO.Path.Combine(Folder, Name));

    /// <summary>Names of every sample in <paramref name="kinds"/>, in ordinal order.</summary>
    public static IEnumerable<string> Names(params string[] kinds) =>
        kinds.SelectMany(kind => Directory.EnumerateFiles(System.IO.Path.Combine(Folder, kind), "*.json")
                .Select(file => $"{kind}/{System.IO.Path.GetFileName(file)}"))
            .Order(StringComparer.Ordinal);
}
