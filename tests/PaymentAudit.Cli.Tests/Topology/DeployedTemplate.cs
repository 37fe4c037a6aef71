using System.Text.Json;
using PaymentAudit.Local.Emulators;

namespace PaymentAudit.Cli.Tests.Topology;

/// <summary>The committed synthesized CloudFormation template of the dev deployment, read as plain JSON.</summary>
public sealed class DeployedTemplate
{
    private readonly JsonElement _resources;

    private DeployedTemplate(JsonElement resources) => _resources = resources;

    /// <summary>Loads <c>infra/snapshots/PaymentAudit-dev.template.json</c>.</summary>
    public static DeployedTemplate LoadDev()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "infra", "snapshots", "PaymentAudit-dev.template.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return new DeployedTemplate(document.RootElement.GetProperty("Resources").Clone());
    }

    /// <summary>Properties of the only resource of <paramref name="type"/>.</summary>
    public JsonElement OnlyResource(string type) => OnlyResource(type, _ => true);

    /// <summary>Properties of the only resource of <paramref name="type"/> matching <paramref name="predicate"/>.</summary>
    public JsonElement OnlyResource(string type, Func<JsonElement, bool> predicate)
    {
        var matches = _resources.EnumerateObject()
            .Select(r => r.Value)
            .Where(r => r.GetProperty("Type").GetString() == type && predicate(r.GetProperty("Properties")))
            .Select(r => r.GetProperty("Properties"))
            .ToList();
        if (matches.Count != 1)
        {
            throw new InvalidOperationException($"Expected one {type} in the template, found {matches.Count}.");
        }

        return matches[0];
    }
}
