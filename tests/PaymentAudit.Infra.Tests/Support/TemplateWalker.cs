using System.Text.Json.Nodes;

namespace PaymentAudit.Infra.Tests.Support;

/// <summary>Reads resources and every IAM policy document out of a synthesized template.</summary>
public static class TemplateWalker
{
    /// <summary>Resources of <paramref name="type"/>, by logical id.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(pair => pair.Value!["Type"]!.GetValue<string>() == type)
            .ToDictionary(pair => pair.Key, pair => pair.Value!.AsObject());

    /// <summary>
    /// Every statement of every policy document in the template: IAM policies, trust policies, key
    /// policies, bucket/queue/topic policies, the table's resource policy, the vault's access policy.
    /// A policy document is any object with a "Statement" list, wherever it sits.
    /// </summary>
    public static IReadOnlyList<PolicyStatementInTemplate> Statements(JsonObject template)
    {
        var found = new List<PolicyStatementInTemplate>();
        foreach (var (logicalId, resource) in template["Resources"]!.AsObject())
        {
            var type = resource!["Type"]!.GetValue<string>();
            Collect(resource["Properties"], logicalId, type, found);
        }

        return found;
    }

    private static void Collect(JsonNode? node, string logicalId, string type, List<PolicyStatementInTemplate> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["Statement"] is JsonArray statements)
                {
                    found.AddRange(statements.Select(statement => new PolicyStatementInTemplate(logicalId, type, statement!.AsObject())));
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, logicalId, type, found);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, logicalId, type, found);
                }

                break;
        }
    }
}
