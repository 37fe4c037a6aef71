using PaymentAudit.Core.Contract;
using PaymentAudit.Testing.Support;
using Shouldly;
using Xunit;

namespace PaymentAudit.Client.Tests.Grouping;

public sealed class MessageGroupStrategyTests
{
    [Fact]
    public void HashOfActor_KnownActor_MapsToPinnedGroup()
    {
        // FNV-1a("user-ana") = 1665420205; 1665420205 % 32 = 13. Pinned: a change would split chains between releases.
        var strategy = MessageGroupStrategy.HashOfActor(32);

        strategy.GetMessageGroupId(Some.AccessEvent(actorId: "user-ana")).ShouldBe("audit-13");
    }

    [Fact]
    public void HashOfActor_SameActor_SameGroupWhateverTheEvent()
    {
        var strategy = MessageGroupStrategy.HashOfActor(32);

        var groups = Enumerable.Range(0, 20)
            .Select(i => strategy.GetMessageGroupId(Some.AccessEvent(actorId: "user-bo", minute: i)))
            .Distinct()
            .ToList();

        groups.Count.ShouldBe(1);
    }

    [Fact]
    public void HashOfActor_ManyActors_UsesEveryGroup()
    {
        var strategy = MessageGroupStrategy.HashOfActor(32);

        var groups = Enumerable.Range(0, 1_000)
            .Select(i => strategy.GetMessageGroupId(Some.AccessEvent(actorId: $"user-{i}")))
            .ToHashSet();

        groups.Count.ShouldBe(32);
        groups.ShouldAllBe(g => g.Length == "audit-00".Length && g.StartsWith("audit-", StringComparison.Ordinal));
    }

    [Fact]
    public void HashOf_ThousandGroups_PadsToThreeDigits()
    {
        var strategy = MessageGroupStrategy.HashOf(e => e.Actor.Id, 1_000, "chain-");

        strategy.GetMessageGroupId(Some.AccessEvent(actorId: "svc-settlement")).ShouldBe("chain-987");
    }

    [Fact]
    public void HashOf_PaymentKey_KeepsOnePaymentInOneGroup()
    {
        var strategy = MessageGroupStrategy.HashOf(e => e.Payment?.PaymentId ?? e.Actor.Id, 16);

        var first = strategy.GetMessageGroupId(Some.PaymentEvent(paymentId: "pay-77") with { Actor = new Actor("svc-a", ActorTypes.Service) });
        var second = strategy.GetMessageGroupId(Some.PaymentEvent(paymentId: "pay-77") with { Actor = new Actor("svc-b", ActorTypes.Service) });

        second.ShouldBe(first);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_001)]
    public void HashOfActor_GroupCountOutOfRange_Throws(int groupCount) =>
        Should.Throw<ArgumentOutOfRangeException>(() => MessageGroupStrategy.HashOfActor(groupCount));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ümlaut")]
    public void OneGroup_InvalidGroupId_Throws(string groupId) =>
        Should.Throw<ArgumentException>(() => MessageGroupStrategy.OneGroup(groupId));
}
