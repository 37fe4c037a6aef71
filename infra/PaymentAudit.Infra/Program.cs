using Amazon.CDK;
using PaymentAudit.Infra;
using PaymentAudit.Infra.Configuration;

try
{
    var layout = RepositoryLayout.Discover(Directory.GetCurrentDirectory());
    var app = new App(PaymentAuditApp.PropsFromCdkJson(layout));
    PaymentAuditApp.AddStacks(app, layout);
    app.Synth();
    return 0;
}
catch (ConfigurationException e)
{
    // A configuration mistake is the operator's to fix: the message names file and key, a stack trace adds nothing.
    await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
    return 1;
}
