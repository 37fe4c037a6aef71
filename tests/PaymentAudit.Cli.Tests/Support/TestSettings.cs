using PaymentAudit.Local.Configuration;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>Local-run settings for tests.</summary>
public static class TestSettings
{
    /// <summary>Valid in-memory settings on the given ports and data folder, with the test timeouts.</summary>
    public static LocalSettings On(int dynamoDbPort, int sqsPort, string dataDirectory) => new()
    {
        DataDirectory = dataDirectory,
        InMemory = true,
        DynamoDbPort = dynamoDbPort,
        SqsPort = sqsPort,
        MaxReceiveCount = 5,
        InvocationTimeout = LocalPipelineFixture.InvocationTimeout,
        VisibilityTimeout = LocalPipelineFixture.VisibilityTimeout,
    };
}
