using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Topology;
using PaymentAudit.Core.Validation;
using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>
/// The seed design the writer is measured against: one PutItem per message holding the seed
/// attributes and the raw body, whatever it is; no chain, guard, index items or secondary index.
/// </summary>
internal static class SeedDesign
{
    /// <summary>
    /// The put of one message: a valid event under its event id with its seed attributes; anything
    /// else under its message id, stored as it came, with the seed attributes a rejected message gets.
    /// </summary>
    public static PutItemRequest Put(string tableName, QueuedMessage message, AuditEventValidator validator, string receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(validator);
        var result = validator.Validate(message.Body);
        var (pk, seed) = result.IsValid
            ? ($"EVENT#{result.Event.EventId}", SeedAttributes.From(result.Event))
            : ($"MESSAGE#{message.MessageId}", SeedAttributes.FromRejected(SeedAttributes.ReadActorId(message.Body), receivedAt));
        return new PutItemRequest
        {
            TableName = tableName,
            Item = new Dictionary<string, AttributeValue>
            {
                [AuditItemAttributes.PartitionKey] = new() { S = pk },
                [AuditItemAttributes.SortKey] = new() { S = "EVENT" },
                [AuditItemAttributes.UserId] = new() { S = seed.UserId },
                [AuditItemAttributes.Timestamp] = new() { S = seed.Timestamp },
                [AuditItemAttributes.QueryRecordId] = new() { S = seed.QueryRecordId },
                [AuditItemAttributes.ResponseRecordIds] = new() { L = seed.ResponseRecordIds.Select(id => new AttributeValue { S = id }).ToList() },
                [AuditItemAttributes.QueryResult] = new() { S = seed.QueryResult },
                [AuditItemAttributes.Body] = new() { S = message.Body },
            },
            ConditionExpression = "attribute_not_exists(pk)",
        };
    }

    /// <summary>Creates a seed-design table: the audit table's keys, no secondary index. Returns its name.</summary>
    public static async Task<string> CreateTableAsync(IAmazonDynamoDB client, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Guid.NewGuid():N}");
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions =
            [
                new AttributeDefinition(AuditItemAttributes.PartitionKey, ScalarAttributeType.S),
                new AttributeDefinition(AuditItemAttributes.SortKey, ScalarAttributeType.S),
            ],
            KeySchema =
            [
                new KeySchemaElement(AuditItemAttributes.PartitionKey, KeyType.HASH),
                new KeySchemaElement(AuditItemAttributes.SortKey, KeyType.RANGE),
            ],
        }, cancellationToken);
        while ((await client.DescribeTableAsync(name, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(50, cancellationToken);
        }

        return name;
    }
}
