using System.Text.Json;
using Amazon.CDK;
using PaymentAudit.Infra.Configuration;

namespace PaymentAudit.Infra;

/// <summary>Builds the CDK app: one <see cref="PaymentAuditStack"/> per selected environment.</summary>
public static class PaymentAuditApp
{
    /// <summary>
    /// Context key listing the environments to synthesize, comma-separated (cdk.json sets all of
    /// them; <c>-c paymentaudit:environments=dev</c> narrows it).
    /// </summary>
    public const string EnvironmentsContextKey = "paymentaudit:environments";

    /// <summary>CDK context key naming the stacks whose assets are bundled; empty skips bundling.</summary>
    public const string BundlingStacksContextKey = "aws:cdk:bundling-stacks";

    /// <summary>
    /// App properties for a process the CDK CLI did not start (plain <c>dotnet run</c>, tests): the
    /// CLI passes cdk.json's context and the output folder itself, anything else must load them.
    /// Context given here is overridden by what the CLI passes.
    /// </summary>
    public static AppProps PropsFromCdkJson(RepositoryLayout layout, IDictionary<string, object>? extraContext = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var context = CdkJsonContext.Load(layout.CdkJson);
        foreach (var (key, value) in extraContext ?? new Dictionary<string, object>())
        {
            context[key] = value;
        }

        return new AppProps
        {
            Context = context,
            Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") is null ? Path.Combine(layout.Root, "cdk.out") : null,
        };
    }

    /// <summary>Adds one stack per environment listed in the app's context.</summary>
    /// <exception cref="ConfigurationException">The list is missing or names an unknown or invalid environment.</exception>
    public static IReadOnlyList<PaymentAuditStack> AddStacks(App app, RepositoryLayout layout)
    {
        ArgumentNullException.ThrowIfNull(app);
        var loader = new EnvironmentConfigLoader(layout.ConfigDirectory);

        // Every configuration is validated before any stack is built, so a mistake in one
        // environment fails fast instead of after another environment's bundling.
        var configs = SelectedEnvironments(app).Select(loader.Load).ToList();
        return [.. configs.Select(config => new PaymentAuditStack(app, config, layout))];
    }

    private static string[] SelectedEnvironments(App app)
    {
        var value = app.Node.TryGetContext(EnvironmentsContextKey);
        var names = value switch
        {
            string text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            object[] items => items.Select(item => item?.ToString() ?? "").ToArray(),
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
        if (names.Length == 0)
        {
            throw new ConfigurationException(
                $"Context '{EnvironmentsContextKey}' is missing or empty: set it in cdk.json or pass -c {EnvironmentsContextKey}=dev,prod.");
        }

        return names;
    }
}
