using System.Text.Json.Nodes;

namespace PaymentAudit.Core.Tests.Support;

/// <summary>Changes one member of an event's JSON, addressed by a dotted path such as <c>origin.ip</c>.</summary>
public static class JsonEdit
{
    /// <summary>Returns <paramref name="json"/> with the member at <paramref name="path"/> set to <paramref name="value"/>.</summary>
    public static string Set(string json, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var (parent, name) = Locate(root, path);
        parent[name] = value;
        return root.ToJsonString();
    }

    /// <summary>Returns <paramref name="json"/> with the member at <paramref name="path"/> removed.</summary>
    public static string Remove(string json, string path)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var (parent, name) = Locate(root, path);
        parent.Remove(name).ShouldBeTrue($"'{path}' was not in the JSON to begin with");
        return root.ToJsonString();
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject root, string path)
    {
        var names = path.Split('.');
        var parent = root;
        foreach (var name in names[..^1])
        {
            parent = parent[name]!.AsObject();
        }

        return (parent, names[^1]);
    }
}
