using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;

namespace PaymentAudit.Storage;

/// <summary>
/// Creates the audit table from <see cref="AuditTopology.Table"/> where CloudFormation does not
/// (DynamoDB Local). On AWS the CDK app creates it from the same definition.
/// </summary>
public static class AuditTableProvisioner
{
    /// <summary>Creates <paramref name="tableName"/> unless it exists, and waits until it is active.</summary>
    public static async Task EnsureTableAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var table = AuditTopology.Table;
        var keyAttributes = new[] { table.PartitionKey, table.SortKey }
            .Concat(table.GlobalIndexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }).OfType<string>())
            .Distinct(StringComparer.Ordinal)
            .Select(name => new AttributeDefinition(name, ScalarAttributeType.S))
            .ToList();
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = keyAttributes,
            KeySchema = [new KeySchemaElement(table.PartitionKey, KeyType.HASH), new KeySchemaElement(table.SortKey, KeyType.RANGE)],
            GlobalSecondaryIndexes = table.GlobalIndexes.Select(index => new GlobalSecondaryIndex
            {
                IndexName = index.Name,
                KeySchema = index.SortKey is null
                    ? [new KeySchemaElement(index.PartitionKey, KeyType.HASH)]
                    : [new KeySchemaElement(index.PartitionKey, KeyType.HASH), new KeySchemaElement(index.SortKey, KeyType.RANGE)],
                Projection = index.Projection switch
                {
                    IndexProjection.KeysOnly => new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                    IndexProjection.All => new Projection { ProjectionType = ProjectionType.ALL },
                    _ => new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = index.ProjectedAttributes.ToList() },
                },
            }).ToList(),
        };
        try
        {
            await client.CreateTableAsync(request, cancellationToken);
        }
        catch (ResourceInUseException)
        {
        }

        while (true)
        {
            var description = await client.DescribeTableAsync(tableName, cancellationToken);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
