using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using PaymentAudit.Infra;

namespace PaymentAudit.Infra.Tests.Support;

/// <summary>
/// Synthesizes the whole app once per test run (bundling skipped) and hands every test the same
/// templates. Built by xunit as the fixture of <see cref="SharedSynthesis"/>.
/// </summary>
public sealed class SynthesizedApp : IDisposable
{
    private readonly DirectoryInfo outdir = Directory.CreateTempSubdirectory("paymentaudit-infra-tests-");

    /// <summary>Synthesizes every environment listed in cdk.json.</summary>
    public SynthesizedApp()
    {
        Layout = RepositoryLayout.Discover(AppContext.BaseDirectory);
        var app = new App(new AppProps
        {
            Context = WithoutBundling(CdkJsonContext.Load(Layout.CdkJson)),
            Outdir = outdir.FullName,
        });
        Stacks = PaymentAuditApp.AddStacks(app, Layout).ToDictionary(stack => stack.Config.Name);
        var assembly = app.Synth();

        Templates = Stacks.ToDictionary(pair => pair.Key, pair => Template.FromStack(pair.Value));
        Json = Stacks.ToDictionary(
            pair => pair.Key,
            pair => JsonNode.Parse(File.ReadAllText(assembly.GetStackByName(pair.Value.StackName).TemplateFullPath))!.AsObject());
    }

    /// <summary>Repository paths.</summary>
    public RepositoryLayout Layout { get; }

    /// <summary>Stacks by environment name.</summary>
    public IReadOnlyDictionary<string, PaymentAuditStack> Stacks { get; }

    /// <summary>Assertion templates by environment name.</summary>
    public IReadOnlyDictionary<string, Template> Templates { get; }

    /// <summary>Synthesized template JSON by environment name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Json { get; }

    /// <summary>Template of the dev environment.</summary>
    public Template Dev => Templates["dev"];

    /// <summary>Template of the prod environment.</summary>
    public Template Prod => Templates["prod"];

    /// <summary>Removes the cloud assembly the synthesis wrote.</summary>
    public void Dispose() => outdir.Delete(recursive: true);

    private static Dictionary<string, object> WithoutBundling(Dictionary<string, object> context)
    {
        // An empty bundling-stacks list makes CDK skip every local bundling (no dotnet publish).
        context[PaymentAuditApp.BundlingStacksContextKey] = Array.Empty<string>();

        // What the CDK CLI adds to every synthesis, so the snapshots read like cdk.out: each
        // resource names its construct path, which the nag acknowledgements refer to.
        context["aws:cdk:enable-path-metadata"] = true;
        context["aws:cdk:enable-asset-metadata"] = true;
        return context;
    }
}
