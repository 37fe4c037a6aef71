using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaymentAudit.Client.Tests.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Configuration;

public sealed class OptionsTests
{
    [Fact]
    public void Create_QueueUrlMissing_FailsNamingTheSetting()
    {
        var failure = Should.Throw<OptionsValidationException>(() => AuditTrail.Create(new RecordingSqsClient(), new AuditTrailOptions()));

        failure.Message.ShouldContain("AuditTrailOptions.QueueUrl is required");
    }

    [Fact]
    public void Create_StandardQueueUrl_FailsAskingForFifo()
    {
        var options = new AuditTrailOptions { QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/payment-audit" };

        var failure = Should.Throw<OptionsValidationException>(() => AuditTrail.Create(new RecordingSqsClient(), options));

        failure.Message.ShouldContain("AuditTrailOptions.QueueUrl must name a FIFO queue");
    }

    [Fact]
    public void Create_SeveralWrongSettings_ReportsEachOne()
    {
        var options = TestTrails.Options() with { BufferCapacity = 0, MaxAttempts = 0, RetryMaxDelay = TimeSpan.FromMilliseconds(1) };

        var failure = Should.Throw<OptionsValidationException>(() => AuditTrail.Create(new RecordingSqsClient(), options));

        failure.Failures.Count().ShouldBe(3);
        failure.Message.ShouldContain("AuditTrailOptions.BufferCapacity");
        failure.Message.ShouldContain("AuditTrailOptions.MaxAttempts");
        failure.Message.ShouldContain("AuditTrailOptions.RetryMaxDelay");
    }

    [Fact]
    public void AddPaymentAudit_OptionsWithoutQueueUrl_FailsAtRegistration()
    {
        var services = new ServiceCollection();

        Should.Throw<OptionsValidationException>(() => services.AddPaymentAudit(new AuditTrailOptions()))
            .Message.ShouldContain("QueueUrl");
    }

    [Fact]
    public async Task AddPaymentAudit_WithRegisteredSqsClient_ResolvesOneTrailThatSendsThroughIt()
    {
        var sqs = new RecordingSqsClient();
        var services = new ServiceCollection()
            .AddSingleton<IAmazonSQS>(sqs)
            .AddPaymentAudit(_ => TestTrails.Options());
        await using var provider = services.BuildServiceProvider();

        var trail = provider.GetRequiredService<IAuditTrail>();
        var events = provider.GetRequiredService<AuditEventFactory>();
        await trail.RecordAsync(events.RecordViewed(new("user-ana", "user"), new("backoffice-web"), "pay-1"));

        provider.GetRequiredService<IAuditTrail>().ShouldBeSameAs(trail);
        sqs.Entries.Count.ShouldBe(1);
    }
}
