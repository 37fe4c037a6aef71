using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;

namespace PaymentAudit.Writer.Tests;

/// <summary>Tests that share this assembly's one DynamoDB Local and one fauxqs (the archive bucket's S3).</summary>
[CollectionDefinition(Name)]
public sealed class UsesDynamoDbLocal : ICollectionFixture<DynamoDbLocalFixture>, ICollectionFixture<FauxqsFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "DynamoDB Local";
}
