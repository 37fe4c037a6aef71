using System.Text.Json;

namespace PaymentAudit.Infra;

/// <summary>Reads the "context" object of cdk.json into values the jsii runtime can pass to the app.</summary>
public static class CdkJsonContext
{
    /// <summary>Context entries of <paramref name="cdkJsonPath"/>; an absent "context" gives an empty map.</summary>
    public static Dictionary<string, object> Load(string cdkJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(cdkJsonPath));
        var context = new Dictionary<string, object>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("context", out var entries))
        {
            foreach (var entry in entries.EnumerateObject())
            {
                context[entry.Name] = ToValue(entry.Value);
            }
        }

        return context;
    }

    private static object ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToArray(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value)),
        _ => throw new InvalidDataException($"cdk.json context value of kind {element.ValueKind} is not supported."),
    };
}
