using PaymentAudit.Local.Demos;
using PaymentAudit.Local.Emulators;
using Shouldly;
using Xunit;

namespace PaymentAudit.Cli.Tests.Demos;

public sealed class DeliveryAccountTests
{
    private static readonly HashSet<string> Nothing = new(StringComparer.Ordinal);

    [Fact]
    public void StoredEventAlsoInTheDeadLetterQueue_DoesNotHideAMissingEvent()
    {
        var ledger = new SendLedger();
        ledger.EventSent("evt-stored");
        ledger.EventSent("evt-missing");
        var stored = new HashSet<string>(["evt-stored"], StringComparer.Ordinal);

        var account = DeliveryAccount.Of(ledger, stored, Nothing, [DeadLetter("m-1", """{"eventId":"evt-stored"}""")]);

        // "missing minus dead-letter depth" would say 1 - 1 = 0 lost.
        account.ShouldBe(new DeliveryAccount(Missing: 1, Lost: 1, DeadLettered: 1, StoredAndDeadLettered: 1));
    }

    [Fact]
    public void MissingEventInTheDeadLetterQueue_IsDeadLetteredNotLost()
    {
        var ledger = new SendLedger();
        ledger.EventSent("evt-1");

        var account = DeliveryAccount.Of(ledger, Nothing, Nothing, [DeadLetter("m-1", """{"schemaVersion":1,"eventId":"evt-1"}""")]);

        account.ShouldBe(new DeliveryAccount(Missing: 1, Lost: 0, DeadLettered: 1, StoredAndDeadLettered: 0));
    }

    [Fact]
    public void RawMessages_AreMatchedByMessageId_WhateverTheirBody()
    {
        var ledger = new SendLedger();
        ledger.RawSent("m-dead");
        ledger.RawSent("m-missing");
        ledger.RawSent("m-quarantined");
        var quarantined = new HashSet<string>(["m-quarantined"], StringComparer.Ordinal);

        var account = DeliveryAccount.Of(ledger, Nothing, quarantined, [DeadLetter("m-dead", "{not json")]);

        account.ShouldBe(new DeliveryAccount(Missing: 2, Lost: 1, DeadLettered: 1, StoredAndDeadLettered: 0));
    }

    [Fact]
    public void DeadLetterOfAnotherSender_CountsInTheDepthButAccountsForNothing()
    {
        var ledger = new SendLedger();
        ledger.EventSent("evt-1");

        var account = DeliveryAccount.Of(ledger, Nothing, Nothing, [DeadLetter("m-9", """{"eventId":"evt-9"}""")]);

        account.ShouldBe(new DeliveryAccount(Missing: 1, Lost: 1, DeadLettered: 1, StoredAndDeadLettered: 0));
    }

    private static InspectedMessage DeadLetter(string messageId, string body) => new(messageId, body, "g-1", ReceiptHandle: null);
}
