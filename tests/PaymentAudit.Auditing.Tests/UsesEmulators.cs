using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;

namespace PaymentAudit.Auditing.Tests;

/// <summary>Tests that share this assembly's one DynamoDB Local and one fauxqs (SQS and S3).</summary>
[CollectionDefinition(Name)]
public sealed class UsesEmulators : ICollectionFixture<DynamoDbLocalFixture>, ICollectionFixture<FauxqsFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Emulators";
}
