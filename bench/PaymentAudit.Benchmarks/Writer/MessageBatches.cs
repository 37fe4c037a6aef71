using PaymentAudit.Writer.Processing;

namespace PaymentAudit.Benchmarks.Writer;

/// <summary>SQS batches of 10 as the event source delivers them, shared out between pollers.</summary>
internal static class MessageBatches
{
    /// <summary>Most messages SQS delivers to one invocation.</summary>
    public const int BatchSize = 10;

    /// <summary>
    /// Partitions <paramref name="events"/> messages into groups (chains) and batches; poller p gets
    /// the groups congruent to p so no group spans pollers. Each batch holds
    /// <paramref name="groupsPerBatch"/> groups.
    /// </summary>
    /// <param name="events">Messages in all.</param>
    /// <param name="pollers">Concurrent pollers.</param>
    /// <param name="groupsPerBatch">Groups per batch.</param>
    /// <param name="body">Body of the i-th message.</param>
    /// <param name="idPrefix">Prefix of message ids.</param>
    public static List<List<QueuedMessage>>[] Build(int events, int pollers, int groupsPerBatch, Func<int, string> body, string idPrefix = "m")
    {
        var groups = Math.Max(pollers * groupsPerBatch, events / 50);
        var perGroup = new List<QueuedMessage>[groups];
        for (var g = 0; g < groups; g++)
        {
            perGroup[g] = [];
        }

        for (var i = 0; i < events; i++)
        {
            var group = i % groups;
            perGroup[group].Add(new QueuedMessage($"{idPrefix}-{i:D7}", body(i), $"chain-{group:D4}", 1));
        }

        var result = new List<List<QueuedMessage>>[pollers];
        for (var p = 0; p < pollers; p++)
        {
            var mine = Enumerable.Range(0, groups).Where(g => g % pollers == p).Select(g => new Queue<QueuedMessage>(perGroup[g])).ToList();
            var batches = new List<List<QueuedMessage>>();
            for (var pair = 0; pair < mine.Count; pair += groupsPerBatch)
            {
                var together = mine.Skip(pair).Take(groupsPerBatch).ToList();
                while (together.Any(q => q.Count > 0))
                {
                    var batch = new List<QueuedMessage>(BatchSize);
                    foreach (var queue in together)
                    {
                        for (var k = 0; k < BatchSize / groupsPerBatch && queue.Count > 0; k++)
                        {
                            batch.Add(queue.Dequeue());
                        }
                    }

                    batches.Add(batch);
                }
            }

            result[p] = batches;
        }

        return result;
    }
}
