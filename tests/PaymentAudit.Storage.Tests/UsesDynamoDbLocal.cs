using PaymentAudit.Testing.DynamoDb;

namespace PaymentAudit.Storage.Tests;

/// <summary>Tests that share this assembly's one DynamoDB Local.</summary>
[CollectionDefinition(Name)]
public sealed class UsesDynamoDbLocal : ICollectionFixture<DynamoDbLocalFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "DynamoDB Local";
}
