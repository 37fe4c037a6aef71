using System.Globalization;
using System.Text.Json;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// Compares a parsed message with its masked copy, which has the same structure (masking only
/// changes characters inside strings), and lists the paths whose text changed.
/// </summary>
internal static class RedactedPaths
{
    /// <summary>
    /// Adds to <paramref name="paths"/> the path of every string value and member name that differs
    /// between <paramref name="original"/> and <paramref name="masked"/>, e.g. <c>query.recordIds[2]</c>.
    /// Paths are spelled with the masked names.
    /// </summary>
    public static void Collect(JsonElement original, JsonElement masked, List<string> paths) => Collect(original, masked, string.Empty, paths);

    private static void Collect(JsonElement original, JsonElement masked, string path, List<string> paths)
    {
        switch (masked.ValueKind)
        {
            case JsonValueKind.Object:
                using (var before = original.EnumerateObject().GetEnumerator())
                {
                    foreach (var member in masked.EnumerateObject())
                    {
                        before.MoveNext();
                        var child = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                        if (!string.Equals(before.Current.Name, member.Name, StringComparison.Ordinal))
                        {
                            paths.Add(child);
                        }

                        Collect(before.Current.Value, member.Value, child, paths);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                using (var before = original.EnumerateArray().GetEnumerator())
                {
                    foreach (var item in masked.EnumerateArray())
                    {
                        before.MoveNext();
                        Collect(before.Current, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]"), paths);
                        index++;
                    }
                }

                break;
            case JsonValueKind.String:
                if (!string.Equals(original.GetRawText(), masked.GetRawText(), StringComparison.Ordinal))
                {
                    paths.Add(path);
                }

                break;
        }
    }
}
