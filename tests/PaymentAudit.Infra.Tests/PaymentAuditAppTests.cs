using Amazon.CDK;
using PaymentAudit.Infra.Configuration;
using PaymentAudit.Infra.Tests.Support;

namespace PaymentAudit.Infra.Tests;

/// <summary>Environment selection through the app's context; each test builds its own small App.</summary>
[Collection(SharedSynthesis.Name)]
public sealed class PaymentAuditAppTests(SynthesizedApp app)
{
    [Fact]
    public void AddStacks_WithoutEnvironmentList_FailsNamingTheContextKey()
    {
        var error = Should.Throw<ConfigurationException>(() => PaymentAuditApp.AddStacks(new App(), app.Layout));

        error.Message.ShouldContain(PaymentAuditApp.EnvironmentsContextKey);
    }

    [Fact]
    public void AddStacks_UnknownEnvironment_FailsNamingIt()
    {
        var context = new Dictionary<string, object> { [PaymentAuditApp.EnvironmentsContextKey] = "dev,staging" };

        var error = Should.Throw<ConfigurationException>(() => PaymentAuditApp.AddStacks(new App(new AppProps { Context = context }), app.Layout));

        error.Message.ShouldContain("'staging'");
    }

    [Fact]
    public void AddStacks_OneListedEnvironment_AddsOnlyThatStack()
    {
        var context = new Dictionary<string, object>
        {
            [PaymentAuditApp.EnvironmentsContextKey] = "prod",
            [PaymentAuditApp.BundlingStacksContextKey] = Array.Empty<string>(),
        };

        var stacks = PaymentAuditApp.AddStacks(new App(new AppProps { Context = context }), app.Layout);

        stacks.Select(stack => stack.StackName).ShouldBe(["PaymentAudit-prod"]);
    }
}
