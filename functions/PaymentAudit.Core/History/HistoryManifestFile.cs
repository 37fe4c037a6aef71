using System.Text.Json;

namespace PaymentAudit.Core.History;

/// <summary>The manifest's JSON form.</summary>
public static class HistoryManifestFile
{
    /// <summary>Encodes a manifest.</summary>
    public static byte[] Write(HistoryManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, HistoryJsonContext.Default.HistoryManifest);

    /// <summary>Decodes a manifest.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a manifest this release can read.</exception>
    public static HistoryManifest Read(byte[] bytes)
    {
        HistoryManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(bytes, HistoryJsonContext.Default.HistoryManifest);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The history manifest is not readable: {ex.Message}", ex);
        }

        return manifest is { Format: HistoryManifest.CurrentFormat }
            ? manifest
            : throw new InvalidDataException($"The history manifest has format {manifest?.Format}; this release reads format {HistoryManifest.CurrentFormat}.");
    }
}
