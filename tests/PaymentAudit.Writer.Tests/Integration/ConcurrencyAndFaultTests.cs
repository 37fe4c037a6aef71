using PaymentAudit.Core.Chain;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Integration;

[Collection(UsesDynamoDbLocal.Name)]
public sealed class ConcurrencyAndFaultTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    [Fact]
    public async Task Two_writers_racing_on_one_chain_leave_no_fork_and_no_gap()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var left = new FifoQueueModel(Enumerable.Range(0, 60).Select(i => delivery.Message("contended", Some.Json(Some.AccessEvent(minute: i)))));
        var right = new FifoQueueModel(Enumerable.Range(60, 60).Select(i => delivery.Message("contended", Some.Json(Some.AccessEvent(minute: i)))));

        await Task.WhenAll(left.DrainAsync(sut.NewWriter(), batchSize: 5), right.DrainAsync(sut.NewWriter(), batchSize: 5));

        (left.Remaining + right.Remaining).ShouldBe(0);
        var chain = await sut.ChainAsync("contended");
        chain.Select(r => r.KeySeq).ShouldBe(Enumerable.Range(1, 120).Select(i => (long)i));
        chain.Select(r => r.Record.EventId).Distinct().Count().ShouldBe(120);
        (await sut.VerifyAsync("contended")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task Transient_faults_fail_groups_fifo_style_and_redelivery_stores_every_event_once_in_order()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var faults = DynamoDbLocalFixture.CreateFaultInjector(seed: 42);
        faults.Operations.Add("PutItem");
        faults.Operations.Add("Query");
        faults.Operations.Add("GetItem");
        faults.Kinds.Add(FaultKind.LoseResponseAfterCommit);
        faults.FaultRate = 0.3;
        var groups = Enumerable.Range(0, 5).Select(g => $"chain-{g}").ToArray();
        var sent = groups.ToDictionary(g => g, _ => new List<string>());
        var messages = new List<QueuedMessage>();
        for (var i = 0; i < 200; i++)
        {
            var group = groups[i % groups.Length];
            var e = Some.AccessEvent(minute: i);
            sent[group].Add(e.EventId);
            messages.Add(delivery.Message(group, Some.Json(e)));
        }

        var queue = new FifoQueueModel(messages);
        await queue.DrainAsync(sut.NewWriter(faults));

        faults.InjectedFaults.ShouldBeGreaterThan(10);
        queue.Remaining.ShouldBe(0);
        queue.Reports.ShouldContain(r => r.FailedMessageIds.Count > 0);
        foreach (var report in queue.Reports)
        {
            foreach (var group in report.Messages.GroupBy(m => m.ChainId))
            {
                var outcomes = group.Select(m => m.Outcome).ToList();
                var firstFailure = outcomes.IndexOf(MessageOutcome.Failed);
                if (firstFailure >= 0)
                {
                    outcomes.Skip(firstFailure).ShouldAllBe(o => o == MessageOutcome.Failed, $"group {group.Key} completed a message after a failed one");
                }
            }
        }

        foreach (var (group, eventIds) in sent)
        {
            var chain = await sut.ChainAsync(group);
            chain.Select(r => r.Record.EventId).ShouldBe(eventIds, $"chain {group} must hold every event once, in send order");
            (await sut.VerifyAsync(group)).IsIntact.ShouldBeTrue();
        }
    }
}
