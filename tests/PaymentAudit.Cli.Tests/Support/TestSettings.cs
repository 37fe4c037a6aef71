using PaymentAudit.Local.Configuration;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>Local-run settings for tests.</summary>
public static class TestSettings
{
    /// <summary>Valid settings on the given ports, with the test timeouts.</summary>
    public static LocalSettings On(int dynamoDbPort, int sqsPort) => new()
    {
        DynamoDbPort = dynamoDbPort,
        SqsPort = sqsPort,
        MaxReceiveCount = 5,
        InvocationTimeout = LocalPipelineFixture.InvocationTimeout,
        VisibilityTimeout = LocalPipelineFixture.VisibilityTimeout,
    };
}
