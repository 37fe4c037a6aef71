using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Chain;

/// <summary>A group id becomes keys: it is used as it is only when it is plain and holds no card number.</summary>
public sealed class ChainIdsTests
{
    [Theory]
    [InlineData("audit-17")]
    [InlineData("merchant.M-000777:eu_1")]
    [InlineData("a")]
    public void FromGroupId_PlainIdentifier_IsUsedAsItIs(string groupId)
    {
        ChainIds.FromGroupId(groupId).ShouldBe(groupId);
    }

    [Theory]
    [InlineData(Pans.Visa)]
    [InlineData("card-" + Pans.Visa)]
    [InlineData("group with spaces")]
    [InlineData("group/with/slashes")]
    [InlineData("ünïcode")]
    public void FromGroupId_GroupIdThatCannotServeAsAKey_IsDerived(string groupId)
    {
        var chainId = ChainIds.FromGroupId(groupId);

        chainId.ShouldStartWith("~");
        chainId.Length.ShouldBe(33);
        ChainIds.IsDerived(chainId).ShouldBeTrue();
    }

    [Fact]
    public void FromGroupId_CardNumberAsGroupId_LeavesNoDigitOfItInTheChainId()
    {
        var chainId = ChainIds.FromGroupId(Pans.Visa);

        chainId.ShouldNotContain("1111");
        CardNumberDetectorReads(chainId).ShouldBeFalse();
    }

    [Fact]
    public void FromGroupId_LongerThanTheVerbatimLimit_IsDerived()
    {
        ChainIds.FromGroupId(new string('g', ChainIds.MaxVerbatimLength)).ShouldBe(new string('g', ChainIds.MaxVerbatimLength));
        ChainIds.IsDerived(ChainIds.FromGroupId(new string('g', ChainIds.MaxVerbatimLength + 1))).ShouldBeTrue();
    }

    [Fact]
    public void FromGroupId_SameGroupId_GivesTheSameChain()
    {
        ChainIds.FromGroupId("group with spaces").ShouldBe(ChainIds.FromGroupId("group with spaces"));
        ChainIds.FromGroupId("group with spaces").ShouldNotBe(ChainIds.FromGroupId("group with spaces "));
    }

    [Fact]
    public void FromGroupId_VerbatimIds_AreNeverDerivedLooking()
    {
        ChainIds.IsDerived(ChainIds.FromGroupId("audit-17")).ShouldBeFalse();
        ChainIds.FromGroupId("~abc").ShouldNotBe("~abc");
    }

    private static bool CardNumberDetectorReads(string text) => PaymentAudit.Core.Validation.CardNumberDetector.ContainsCardNumber(text);
}
