using System.Text.Json.Nodes;

namespace PaymentAudit.Infra.HttpApi;

/// <summary>
/// Rewrites the published event schema (JSON Schema draft 2020-12) as the draft-04 schema API
/// Gateway models accept. Whatever draft-04 can say is said in its words: <c>const</c> becomes a
/// one-value <c>enum</c>, <c>if</c>/<c>then</c>/<c>else</c> becomes
/// <c>anyOf [allOf [if, then], allOf [not if, else]]</c>, <c>dependentRequired</c> becomes
/// <c>dependencies</c>, and every <c>$ref</c> into <c>$defs</c> is replaced by the definition
/// itself (a model then stands alone, without relying on how API Gateway resolves references).
/// Only keywords draft-04 has no way to say are dropped, and each drop is reported; a keyword this
/// class does not know fails the synthesis, so a schema change can never be lost silently.
/// </summary>
public static class Draft04Schema
{
    /// <summary>The <c>$schema</c> of every derived model.</summary>
    public const string MetaSchema = "http://json-schema.org/draft-04/schema#";

    // Draft-04 keywords that mean the same in draft 2020-12 and are copied (subschemas derived).
    private static readonly HashSet<string> Kept =
    [
        "type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "multipleOf",
        "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required",
        "title", "description", "default",
    ];

    private static readonly HashSet<string> Subschema = ["not", "items", "additionalProperties"];
    private static readonly HashSet<string> SubschemaLists = ["allOf", "anyOf", "oneOf"];
    private static readonly HashSet<string> SubschemaMaps = ["properties", "patternProperties"];

    // Formats draft-04 defines; any other format is an annotation draft-04 cannot state.
    private static readonly HashSet<string> Draft04Formats = ["date-time", "email", "hostname", "ipv4", "ipv6", "uri"];

    // Keywords with no draft-04 counterpart. Annotations ($comment, examples, ...) change no verdict.
    private static readonly Dictionary<string, string> Untranslatable = new(StringComparer.Ordinal)
    {
        ["$comment"] = "annotation",
        ["examples"] = "annotation",
        ["deprecated"] = "annotation",
        ["readOnly"] = "annotation",
        ["writeOnly"] = "annotation",
        ["contentEncoding"] = "annotation",
        ["contentMediaType"] = "annotation",
        ["unevaluatedProperties"] = "needs draft 2019-09 annotation collection",
        ["unevaluatedItems"] = "needs draft 2019-09 annotation collection",
        ["contains"] = "draft-06",
        ["minContains"] = "draft 2019-09",
        ["maxContains"] = "draft 2019-09",
        ["propertyNames"] = "draft-06",
    };

    /// <summary>Derives the draft-04 schema of one event.</summary>
    /// <param name="schema">The published draft 2020-12 schema.</param>
    public static Draft04Derivation Derive(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var definitions = schema["$defs"] as JsonObject ?? [];
        var dropped = new List<string>();
        var derived = DeriveObject(schema, "#", definitions, dropped, atRoot: true);
        var result = new JsonObject { ["$schema"] = MetaSchema };
        foreach (var (key, value) in derived)
        {
            result[key] = value?.DeepClone();
        }

        return new Draft04Derivation(result, dropped);
    }

    /// <summary>
    /// The draft-04 schema of a JSON array of 1 to <paramref name="maxEntries"/> events, each of
    /// which must satisfy <paramref name="eventSchema"/> (a derived event schema).
    /// </summary>
    public static JsonObject ForBatch(JsonObject eventSchema, int maxEntries, string title)
    {
        ArgumentNullException.ThrowIfNull(eventSchema);
        var items = (JsonObject)eventSchema.DeepClone();
        items.Remove("$schema");
        return new JsonObject
        {
            ["$schema"] = MetaSchema,
            ["title"] = title,
            ["type"] = "array",
            ["minItems"] = 1,
            ["maxItems"] = maxEntries,
            ["items"] = items,
        };
    }

    private static JsonObject DeriveObject(JsonObject schema, string path, JsonObject definitions, List<string> dropped, bool atRoot = false)
    {
        if (schema.Count == 1 && schema["$ref"] is JsonValue onlyReference)
        {
            // A bare reference: the definition itself stands in its place.
            return Resolve(onlyReference.GetValue<string>(), $"{path}/$ref", definitions, dropped);
        }

        var result = new JsonObject();
        var extraAllOf = new List<JsonNode>();
        foreach (var (key, value) in schema)
        {
            var at = $"{path}/{key}";
            switch (key)
            {
                case "$schema" or "$id" when atRoot:
                case "$defs" when atRoot:
                    // Replaced by the draft-04 meta-schema; the id names the 2020-12 document; definitions are inlined.
                    break;
                case "$ref":
                    extraAllOf.Add(Resolve(value!.GetValue<string>(), at, definitions, dropped));
                    break;
                case "const":
                    result["enum"] = new JsonArray(value?.DeepClone());
                    break;
                case "if":
                    extraAllOf.Add(Conditional(schema, path, definitions, dropped));
                    break;
                case "then" or "else":
                    if (schema["if"] is null)
                    {
                        dropped.Add($"{at} (without 'if' it has no effect)");
                    }

                    break;
                case "format":
                    if (Draft04Formats.Contains(value!.GetValue<string>()))
                    {
                        result[key] = value.DeepClone();
                    }
                    else
                    {
                        dropped.Add($"{at} ('{value.GetValue<string>()}' is not a draft-04 format)");
                    }

                    break;
                case "dependentRequired":
                    Merge(result, "dependencies", value!.DeepClone().AsObject());
                    break;
                case "dependentSchemas":
                    Merge(result, "dependencies", DeriveMap(value!.AsObject(), at, definitions, dropped));
                    break;
                case "exclusiveMinimum" or "exclusiveMaximum":
                    // Draft 2020-12 gives the bound; draft-04 a flag on minimum/maximum.
                    result[key == "exclusiveMinimum" ? "minimum" : "maximum"] = value?.DeepClone();
                    result[key] = true;
                    break;
                case "prefixItems":
                    result["items"] = new JsonArray([.. value!.AsArray().Select((item, i) => (JsonNode)DeriveObject(item!.AsObject(), $"{at}/{i}", definitions, dropped))]);
                    if (schema["items"] is JsonObject rest)
                    {
                        result["additionalItems"] = DeriveObject(rest, $"{path}/items", definitions, dropped);
                    }

                    break;
                case "items" when schema["prefixItems"] is not null:
                    break;
                case var _ when Kept.Contains(key):
                    result[key] = value?.DeepClone();
                    break;
                case var _ when Subschema.Contains(key):
                    result[key] = value is JsonObject sub ? DeriveObject(sub, at, definitions, dropped) : value?.DeepClone();
                    break;
                case var _ when SubschemaLists.Contains(key):
                    result[key] = new JsonArray([.. value!.AsArray().Select((item, i) => (JsonNode)DeriveObject(item!.AsObject(), $"{at}/{i}", definitions, dropped))]);
                    break;
                case var _ when SubschemaMaps.Contains(key):
                    result[key] = DeriveMap(value!.AsObject(), at, definitions, dropped);
                    break;
                case var _ when Untranslatable.TryGetValue(key, out var why):
                    dropped.Add($"{at} ({why})");
                    break;
                default:
                    throw new NotSupportedException(
                        $"The event schema uses '{key}' at {path}, which the draft-04 derivation does not know: "
                        + "say how draft-04 expresses it (or that it cannot) in Draft04Schema.");
            }
        }

        if (extraAllOf.Count > 0)
        {
            var allOf = result["allOf"] as JsonArray ?? [];
            foreach (var part in extraAllOf)
            {
                allOf.Add(part);
            }

            result["allOf"] = allOf;
        }

        return result;
    }

    private static JsonObject DeriveMap(JsonObject map, string path, JsonObject definitions, List<string> dropped)
    {
        var result = new JsonObject();
        foreach (var (name, sub) in map)
        {
            result[name] = DeriveObject(sub!.AsObject(), $"{path}/{name}", definitions, dropped);
        }

        return result;
    }

    private static JsonObject Resolve(string reference, string path, JsonObject definitions, List<string> dropped)
    {
        const string Prefix = "#/$defs/";
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal) || definitions[reference[Prefix.Length..]] is not JsonObject definition)
        {
            throw new NotSupportedException($"The event schema's reference '{reference}' at {path} is not to one of its own $defs.");
        }

        return DeriveObject(definition, reference, definitions, dropped);
    }

    // if/then/else: (if AND then) OR (NOT if AND else). A missing branch accepts everything.
    private static JsonObject Conditional(JsonObject schema, string path, JsonObject definitions, List<string> dropped)
    {
        var condition = DeriveObject(schema["if"]!.AsObject(), $"{path}/if", definitions, dropped);
        var then = schema["then"] is JsonObject t ? DeriveObject(t, $"{path}/then", definitions, dropped) : [];
        var otherwise = schema["else"] is JsonObject e ? DeriveObject(e, $"{path}/else", definitions, dropped) : [];
        return new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["allOf"] = new JsonArray(condition, then) },
                new JsonObject { ["allOf"] = new JsonArray(new JsonObject { ["not"] = condition.DeepClone() }, otherwise) }),
        };
    }

    private static void Merge(JsonObject target, string key, JsonObject entries)
    {
        var existing = target[key] as JsonObject ?? [];
        foreach (var (name, value) in entries)
        {
            existing[name] = value?.DeepClone();
        }

        target[key] = existing;
    }
}
