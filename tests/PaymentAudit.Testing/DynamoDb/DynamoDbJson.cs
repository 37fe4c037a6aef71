using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace PaymentAudit.Testing.DynamoDb;

/// <summary>Reads DynamoDB's JSON attribute-value format (<c>{"S":"..."}</c>, <c>{"M":{...}}</c>, ...) as the SDK's model.</summary>
internal static class DynamoDbJson
{
    /// <summary>An item: a JSON object of attribute names to typed values.</summary>
    public static Dictionary<string, AttributeValue> ReadItem(JsonElement item)
    {
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in item.EnumerateObject())
        {
            result[attribute.Name] = ReadValue(attribute.Value);
        }

        return result;
    }

    /// <summary>One typed value: an object with a single member named after its type.</summary>
    public static AttributeValue ReadValue(JsonElement value)
    {
        foreach (var typed in value.EnumerateObject())
        {
            var v = typed.Value;
            return typed.Name switch
            {
                "S" => new AttributeValue { S = v.GetString() },
                "N" => new AttributeValue { N = v.GetString() },
                "B" => new AttributeValue { B = new MemoryStream(v.GetBytesFromBase64()) },
                "BOOL" => new AttributeValue { BOOL = v.GetBoolean() },
                "NULL" => new AttributeValue { NULL = v.GetBoolean() },
                "SS" => new AttributeValue { SS = v.EnumerateArray().Select(e => e.GetString()!).ToList() },
                "NS" => new AttributeValue { NS = v.EnumerateArray().Select(e => e.GetString()!).ToList() },
                "BS" => new AttributeValue { BS = v.EnumerateArray().Select(e => new MemoryStream(e.GetBytesFromBase64())).ToList() },
                "M" => new AttributeValue { M = ReadItem(v) },
                "L" => new AttributeValue { L = v.EnumerateArray().Select(ReadValue).ToList() },
                _ => throw new JsonException($"Unknown DynamoDB attribute type '{typed.Name}'."),
            };
        }

        throw new JsonException("A DynamoDB attribute value has no type.");
    }
}
