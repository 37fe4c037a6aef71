using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Core.Topology;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Storage.Tests;

[Collection(UsesDynamoDbLocal.Name)]
public sealed class DynamoDbChainStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private const string ReceivedAt = "2026-11-23T10:00:00.0000000Z";

    [Fact]
    public async Task AppendAsync_FreePosition_StoresOneItemPerRecord()
    {
        var (store, reader, client, table) = await CreateAsync();
        var record = Link(ChainHead.Genesis, Some.AccessEvent(queried: ["pay-1"], returned: ["pay-1", "pay-2"]));

        var status = await store.AppendAsync(record, CancellationToken.None);

        status.ShouldBe(AppendStatus.Appended);
        (await reader.ReadHeadAsync("c")).ShouldBe(new ChainHead(1, record.Hash));
        (await CountAsync(client, table)).ShouldBe(1);
    }

    [Fact]
    public async Task AppendAsync_TakenPosition_StoresNothingAndSaysSo()
    {
        var (store, reader, client, table) = await CreateAsync();
        var first = Link(ChainHead.Genesis, Some.AccessEvent());
        await store.AppendAsync(first, CancellationToken.None);

        var status = await store.AppendAsync(Link(ChainHead.Genesis, Some.AccessEvent()), CancellationToken.None);

        status.ShouldBe(AppendStatus.PositionTaken);
        (await reader.ReadRecordAsync("c", 1))!.Record.Hash.ShouldBe(first.Hash);
        (await CountAsync(client, table)).ShouldBe(1);
    }

    [Fact]
    public async Task RecordItem_HoldsTheSeedAttributesButNotWhatTheKeysAndBodySay()
    {
        var (store, _, client, table) = await CreateAsync();
        await store.AppendAsync(Link(ChainHead.Genesis, Some.AccessEvent()), CancellationToken.None);

        var item = (await client.ScanAsync(new ScanRequest { TableName = table })).Items.Single();

        item.Keys.Order(StringComparer.Ordinal).ShouldBe(
            ["body", "eventId", "eventType", "hash", "pk", "prevHash", "query_record_id", "query_result", "response_record_ids", "sk", "status", "timestamp", "user_id"]);
    }

    [Fact]
    public async Task RegisterChainAsync_Twice_ListsTheChainOnce()
    {
        var (store, reader, _, _) = await CreateAsync();

        await store.RegisterChainAsync("c", ReceivedAt, CancellationToken.None);
        await store.RegisterChainAsync("c", "2030-01-01T00:00:00.0000000Z", CancellationToken.None);
        await store.RegisterChainAsync("b", ReceivedAt, CancellationToken.None);

        var listed = new List<ChainDirectoryEntry>();
        await foreach (var entry in reader.ListChainsAsync())
        {
            listed.Add(entry);
        }

        listed.ShouldBe([new ChainDirectoryEntry("b", ReceivedAt), new ChainDirectoryEntry("c", ReceivedAt)]);
    }

    [Fact]
    public async Task ReadTailAsync_LongChain_ReturnsTheLastRecordsOldestFirst()
    {
        var (store, _, _, _) = await CreateAsync();
        await AppendAsync(store, 25);

        var tail = await store.ReadTailAsync("c", 20, CancellationToken.None);

        tail.Select(r => r.Seq).ShouldBe(Enumerable.Range(6, 20).Select(i => (long)i));
    }

    [Fact]
    public async Task FindEventAsync_StoredEvent_IsFoundThroughTheEventIndex()
    {
        var (store, reader, _, _) = await CreateAsync();
        var stored = await AppendAsync(store, 3);

        var found = await store.FindEventAsync(stored[1].EventId!, CancellationToken.None);
        var viaReader = await ToListAsync(reader.FindEventAsync(stored[1].EventId!));

        found.ShouldNotBeNull().Hash.ShouldBe(stored[1].Hash);
        viaReader.Select(r => (r.KeyChainId, r.KeySeq)).ShouldBe([("c", 2L)]);
        (await store.FindEventAsync("evt-never-sent", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task EventIndex_HoldsAcceptedRecordsOnly()
    {
        var (store, _, client, table) = await CreateAsync();
        var accepted = Link(ChainHead.Genesis, Some.AccessEvent());
        await store.AppendAsync(accepted, CancellationToken.None);
        var rejected = ChainLinker.Link("c", new ChainHead(1, accepted.Hash), ChainEntry.Quarantined("m-x", new Core.Validation.Rejection(Core.Validation.RejectionCode.NotJson, "r"), "junk"), ReceivedAt).Record;
        await store.AppendAsync(rejected, CancellationToken.None);

        var indexed = await client.ScanAsync(new ScanRequest { TableName = table, IndexName = AuditTopology.EventIndexName });

        indexed.Items.ShouldHaveSingleItem()["sk"].S.ShouldBe(AuditKeys.Record(1));
    }

    [Fact]
    public async Task Reader_ReadChainAsync_FromASequenceNumber_StreamsTheRestInOrder()
    {
        var (store, reader, _, _) = await CreateAsync();
        await AppendAsync(store, 5);

        var rest = await ToListAsync(reader.ReadChainAsync("c", fromSeq: 3));

        rest.Select(r => r.KeySeq).ShouldBe([3L, 4L, 5L]);
        rest.ShouldAllBe(r => r.KeyChainId == "c" && r.Record.ChainId == "c");
    }

    [Fact]
    public async Task Reader_HeadOfAnEmptyChain_IsGenesis()
    {
        var (_, reader, _, _) = await CreateAsync();

        (await reader.ReadHeadAsync("nothing-here")).ShouldBe(ChainHead.Genesis);
    }

    private async Task<(DynamoDbChainStore Store, AuditTrailReader Reader, AmazonDynamoDBClient Client, string Table)> CreateAsync()
    {
        var table = await dynamoDb.CreateTableAsync();
        var client = dynamoDb.CreateClient();
        return (new DynamoDbChainStore(client, table), new AuditTrailReader(client, table), client, table);
    }

    private static async Task<List<ChainRecord>> AppendAsync(DynamoDbChainStore store, int count)
    {
        var stored = new List<ChainRecord>();
        var head = ChainHead.Genesis;
        for (var i = 0; i < count; i++)
        {
            var record = Link(head, Some.AccessEvent(minute: i));
            (await store.AppendAsync(record, CancellationToken.None)).ShouldBe(AppendStatus.Appended);
            stored.Add(record);
            head = new ChainHead(record.Seq, record.Hash);
        }

        return stored;
    }

    private static ChainRecord Link(ChainHead head, Core.Contract.AuditEvent auditEvent) =>
        ChainLinker.Link("c", head, ChainEntry.Accepted($"m-{auditEvent.EventId}", auditEvent), ReceivedAt).Record;

    private static async Task<int> CountAsync(AmazonDynamoDBClient client, string table) =>
        (await client.ScanAsync(new ScanRequest { TableName = table, Select = Select.COUNT })).Count ?? 0;

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
