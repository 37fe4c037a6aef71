using PaymentAudit.Local.EventSource;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Configuration;

public sealed class EventSourceOptionsTests
{
    [Fact]
    public void Validate_VisibilityTimeoutUnderSixTimesTheInvocationTimeout_IsRefused()
    {
        var options = new EventSourceOptions { QueueUrl = "q", InvocationTimeout = TimeSpan.FromSeconds(30), VisibilityTimeout = TimeSpan.FromSeconds(179) };

        var error = Should.Throw<ArgumentException>(options.Validate);

        error.ParamName.ShouldBe(nameof(EventSourceOptions.VisibilityTimeout));
        error.Message.ShouldContain("at least 6 times InvocationTimeout (30 s)");
    }

    [Fact]
    public void Validate_RetryDelayNotShorterThanTheVisibilityTimeout_IsRefused()
    {
        var options = new EventSourceOptions
        {
            QueueUrl = "q",
            InvocationTimeout = TimeSpan.FromSeconds(1),
            VisibilityTimeout = TimeSpan.FromSeconds(6),
            RetryDelay = TimeSpan.FromSeconds(6),
        };

        Should.Throw<ArgumentException>(options.Validate).ParamName.ShouldBe(nameof(EventSourceOptions.RetryDelay));
    }
}
