using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PaymentAudit.Infra.Tests.Support;

/// <summary>
/// Turns a synthesized template into its committed snapshot form: asset hashes (which change with
/// every edit of the Lambda code) become a placeholder and asset metadata (which names local paths)
/// is dropped, so the snapshot changes only when the infrastructure does.
/// </summary>
public static partial class TemplateSnapshot
{
    /// <summary>Replaces asset hashes.</summary>
    public const string AssetHashPlaceholder = "ASSET-HASH";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Normalized, indented JSON text with a final newline.</summary>
    public static string Normalize(JsonObject template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var copy = template.DeepClone().AsObject();
        foreach (var (_, resource) in copy["Resources"]!.AsObject())
        {
            if (resource!["Metadata"] is JsonObject metadata)
            {
                foreach (var key in metadata.Select(pair => pair.Key).Where(key => key.StartsWith("aws:asset:", StringComparison.Ordinal)).ToList())
                {
                    metadata.Remove(key);
                }
            }
        }

        var text = AssetHash().Replace(copy.ToJsonString(WriteOptions), AssetHashPlaceholder);
        return text.ReplaceLineEndings("\n") + "\n";
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
