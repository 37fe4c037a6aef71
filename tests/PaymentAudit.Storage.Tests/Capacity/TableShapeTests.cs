using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Topology;
using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Storage.Tests.Capacity;

public sealed class TableShapeTests
{
    private static readonly IndexShape ByActor = new("by-actor", "user", "at", ProjectionType.KEYS_ONLY, []);

    private static readonly Dictionary<string, AttributeValue> Item = new()
    {
        ["pk"] = new() { S = "CHAIN#c" },
        ["sk"] = new() { S = "SEQ#1" },
        ["user"] = new() { S = "ana" },
        ["at"] = new() { S = "2026-11-23" },
        ["status"] = new() { S = "accepted" },
        ["body"] = new() { S = "{}" },
    };

    [Fact]
    public void IndexEntryOf_KeysOnly_HoldsTableAndIndexKeys()
    {
        var shape = Shape(ByActor);

        var entry = shape.IndexEntryOf(ByActor, Item)!;

        entry.Keys.Order().ShouldBe(["at", "pk", "sk", "user"]);
    }

    [Fact]
    public void IndexEntryOf_Include_AddsTheListedAttributesTheItemHas()
    {
        var index = ByActor with { Projection = ProjectionType.INCLUDE, NonKeyAttributes = ["status", "absent"] };

        var entry = Shape(index).IndexEntryOf(index, Item)!;

        entry.Keys.Order().ShouldBe(["at", "pk", "sk", "status", "user"]);
    }

    [Fact]
    public void IndexEntryOf_All_HoldsTheWholeItem()
    {
        var index = ByActor with { Projection = ProjectionType.ALL };

        var entry = Shape(index).IndexEntryOf(index, Item)!;

        entry.Keys.Order().ShouldBe(Item.Keys.Order());
    }

    [Fact]
    public void IndexEntryOf_ItemWithoutAnIndexKeyAttribute_HasNoEntryInTheSparseIndex()
    {
        var head = new Dictionary<string, AttributeValue>(Item);
        head.Remove("at");

        Shape(ByActor).IndexEntryOf(ByActor, head).ShouldBeNull();
    }

    [Fact]
    public void StorageOf_AddsOneHundredBytesToTheItemAndToEachIndexEntry()
    {
        // GSI.html#GSI.StorageConsiderations: an entry is the table key + the index key + the
        // projected attributes + 100 bytes; CapacityUnitCalculations.html: each item + 100 bytes.
        var shape = Shape(ByActor);

        var storage = shape.StorageOf(Item);

        storage.ShouldBe(new StorageFootprint(
            Items: 1,
            TableBytes: ItemSize.Of(Item) + 100,
            IndexEntries: 1,
            IndexBytes: (2 + 7) + (2 + 5) + (4 + 3) + (2 + 10) + 100));
    }

    [Fact]
    public void From_AuditTopology_HasItsIndexesWithTheirKeysAndProjections()
    {
        var shape = TableShape.From(AuditTopology.Table);

        shape.GlobalIndexes.Select(i => (i.Name, i.PartitionKey, i.SortKey, i.Projection.Value)).ShouldBe(
            AuditTopology.Table.GlobalIndexes.Select(i => (i.Name, i.PartitionKey, i.SortKey, ProjectionName(i.Projection))));
    }

    [Theory]
    [InlineData(IndexProjection.KeysOnly, "KEYS_ONLY", 0)]
    [InlineData(IndexProjection.Include, "INCLUDE", 2)]
    [InlineData(IndexProjection.All, "ALL", 0)]
    public void From_Definition_TakesTheIndexProjection(IndexProjection projection, string type, int nonKeyAttributes)
    {
        var definition = new TableDefinition("pk", "sk", [new IndexDefinition("heads", "headOf", null, projection, ["seq", "hash"])]);

        var index = TableShape.From(definition).GlobalIndexes.ShouldHaveSingleItem();

        (index.Projection.Value, index.NonKeyAttributes.Count).ShouldBe((type, nonKeyAttributes));
    }

    [Fact]
    public void From_Description_ReadsKeysAndProjections()
    {
        var description = new TableDescription
        {
            TableName = "audit",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndexDescription
                {
                    IndexName = "by-a",
                    KeySchema = [new KeySchemaElement("a", KeyType.HASH), new KeySchemaElement("b", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        };

        var shape = TableShape.From(description);

        shape.ShouldBe(new TableShape("pk", null, shape.GlobalIndexes));
        shape.GlobalIndexes.ShouldHaveSingleItem().ShouldBe(new IndexShape("by-a", "a", "b", ProjectionType.ALL, shape.GlobalIndexes[0].NonKeyAttributes));
    }

    [Fact]
    public void From_DescriptionWithLocalIndexes_IsNotSupported()
    {
        var description = new TableDescription
        {
            TableName = "audit",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            LocalSecondaryIndexes = [new LocalSecondaryIndexDescription { IndexName = "local" }],
        };

        Should.Throw<NotSupportedException>(() => TableShape.From(description));
    }

    private static TableShape Shape(IndexShape index) => new("pk", "sk", [index]);

    private static string ProjectionName(IndexProjection projection) => projection switch
    {
        IndexProjection.KeysOnly => "KEYS_ONLY",
        IndexProjection.Include => "INCLUDE",
        _ => "ALL",
    };
}
