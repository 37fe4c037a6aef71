using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Ports;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Support;

namespace PaymentAudit.Storage.Tests;

[Collection(UsesDynamoDbLocal.Name)]
public sealed class DynamoDbChainStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private const string ReceivedAt = "2026-11-23T10:00:00.0000000Z";

    [Fact]
    public async Task AppendAsync_OnEmptyChain_StoresRecordsGuardsIndexItemsAndHead()
    {
        var (store, reader, client, table) = await CreateAsync();
        var linked = Link(ChainHead.Genesis, Some.AccessEvent(queried: ["pay-1"], returned: ["pay-1", "pay-2"]));

        var result = await store.AppendAsync("c", ChainHead.Genesis, linked, CancellationToken.None);

        result.ShouldBe(AppendResult.Appended);
        (await reader.ReadHeadAsync("c")).ShouldBe(new ChainHead(1, linked[0].Record.Hash));
        (await Count(client, table)).ShouldBe(1 + 1 + 2 + 1);
    }

    [Fact]
    public async Task AppendAsync_WithStaleExpectedHead_StoresNothingAndReportsHeadMoved()
    {
        var (store, _, client, table) = await CreateAsync();
        await store.AppendAsync("c", ChainHead.Genesis, Link(ChainHead.Genesis, Some.AccessEvent()), CancellationToken.None);
        var before = await Count(client, table);

        var result = await store.AppendAsync("c", ChainHead.Genesis, Link(ChainHead.Genesis, Some.AccessEvent()), CancellationToken.None);

        result.Status.ShouldBe(AppendStatus.HeadMoved);
        (await Count(client, table)).ShouldBe(before);
    }

    [Fact]
    public async Task AppendAsync_WithAnAlreadyStoredEvent_StoresNothingAndNamesItsGuard()
    {
        var (store, reader, client, table) = await CreateAsync();
        var stored = Some.AccessEvent();
        var first = Link(ChainHead.Genesis, stored);
        await store.AppendAsync("c", ChainHead.Genesis, first, CancellationToken.None);
        var head = (await reader.ReadHeadAsync("c"))!;
        var before = await Count(client, table);

        var result = await store.AppendAsync("c", head, Link(head, Some.AccessEvent(), stored), CancellationToken.None);

        result.ShouldBe(AppendResult.AlreadyStored([$"EVENT#{stored.EventId}"]), new AppendResultComparer());
        (await Count(client, table)).ShouldBe(before);
    }

    [Fact]
    public async Task Reader_AnswersByActorTimeRange_ByPaymentRecord_ByEventId_AndFromASequenceNumber()
    {
        var (store, reader, _, _) = await CreateAsync();
        var events = new[]
        {
            Some.AccessEvent(actorId: "ana", minute: 0, queried: ["pay-9"], returned: ["pay-9"]),
            Some.AccessEvent(actorId: "bob", minute: 10, queried: ["pay-1"], returned: ["pay-9"]),
            Some.AccessEvent(actorId: "ana", minute: 20, queried: ["pay-2"], returned: []),
            Some.PaymentEvent(paymentId: "pay-9", minute: 30),
        };
        await store.AppendAsync("c", ChainHead.Genesis, Link(ChainHead.Genesis, events), CancellationToken.None);

        var ana = await reader.QueryActorAsync("ana", DateTime.Parse("2026-11-23T09:00:00Z").ToUniversalTime(), DateTime.Parse("2026-11-23T09:15:00Z").ToUniversalTime());
        var whoSawPay9 = await reader.QueryPaymentRecordAsync("pay-9");
        var where = await reader.FindEventAsync(events[2].EventId);
        var tail = new List<StoredRecord>();
        await foreach (var record in reader.ReadChainAsync("c", fromSeq: 3))
        {
            tail.Add(record);
        }

        ana.Select(e => e.EventId).ShouldBe([events[0].EventId]);
        whoSawPay9.Select(a => (a.UserId, a.Reference)).ShouldBe([("ana", "queried+returned"), ("bob", "returned"), ("svc-settlement", "processed")]);
        where.ShouldBe(("c", 3L));
        tail.Select(r => r.KeySeq).ShouldBe([3L, 4L]);
        (await reader.ListChainIdsAsync()).ShouldBe(["c"]);
    }

    private async Task<(DynamoDbChainStore Store, AuditTrailReader Reader, Amazon.DynamoDBv2.AmazonDynamoDBClient Client, string Table)> CreateAsync()
    {
        var table = await dynamoDb.CreateTableAsync();
        var client = dynamoDb.CreateClient();
        return (new DynamoDbChainStore(client, table), new AuditTrailReader(client, table), client, table);
    }

    private static IReadOnlyList<LinkedEntry> Link(ChainHead head, params Core.Contract.AuditEvent[] events) =>
        ChainLinker.Link("c", head, events.Select((e, i) => ChainEntry.Accepted($"m-{e.EventId}", e)).ToList(), ReceivedAt);

    private static async Task<int> Count(Amazon.DynamoDBv2.AmazonDynamoDBClient client, string table) =>
        (await client.ScanAsync(new ScanRequest { TableName = table, Select = Amazon.DynamoDBv2.Select.COUNT })).Count ?? 0;

    private sealed class AppendResultComparer : IEqualityComparer<AppendResult>
    {
        public bool Equals(AppendResult? x, AppendResult? y) =>
            x is not null && y is not null && x.Status == y.Status && x.ExistingGuardKeys.SequenceEqual(y.ExistingGuardKeys);

        public int GetHashCode(AppendResult obj) => obj.Status.GetHashCode();
    }
}
