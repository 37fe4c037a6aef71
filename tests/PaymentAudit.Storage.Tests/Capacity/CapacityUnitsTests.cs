using PaymentAudit.Storage.Capacity;

namespace PaymentAudit.Storage.Tests.Capacity;

/// <summary>Pins <see cref="CapacityUnits"/> on the examples of DynamoDB's capacity documentation.</summary>
public sealed class CapacityUnitsTests
{
    private const int KiB = 1024;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(500, 1)]
    [InlineData(512, 1)]
    [InlineData(1024, 1)]
    [InlineData(1025, 2)]
    [InlineData(1638, 2)]
    [InlineData(2048, 2)]
    [InlineData(409_600, 400)]
    public void ForWrite_RoundsUpToTheNextKilobyte_AtLeastOneUnit(int bytes, int units)
    {
        // read-write-operations.html: a 500-byte item costs as much as 1 KB; a 1.6 KB item is rounded to 2 KB.
        CapacityUnits.ForWrite(bytes).ShouldBe(units);
    }

    [Fact]
    public void ForTransactionalWrite_TwoKilobyteItem_IsFourUnits()
    {
        // on-demand-capacity-mode.html: a 2 KB item needs 2 write units, or 4 in a transaction.
        CapacityUnits.ForTransactionalWrite(2 * KiB).ShouldBe(4);
    }

    [Fact]
    public void ForTransactionalWrite_ThreeItemsOf500Bytes_AreSixUnits()
    {
        // transaction-apis.html#transaction-capacity-handling: three 500-byte items need six WCUs.
        Enumerable.Repeat(500, 3).Sum(b => CapacityUnits.ForTransactionalWrite(b)).ShouldBe(6);
    }

    [Fact]
    public void ForPut_ReplacingALargerItem_BillsTheLargerSize()
    {
        CapacityUnits.ForPut(newItemBytes: 300, existingItemBytes: 3 * KiB).ShouldBe(3);
    }

    [Fact]
    public void ForPut_NewItem_BillsItsOwnSize()
    {
        CapacityUnits.ForPut(newItemBytes: 1500, existingItemBytes: null).ShouldBe(2);
    }

    [Fact]
    public void ForFailedConditionalWrite_NoItemUnderTheKey_IsOneUnit()
    {
        CapacityUnits.ForFailedConditionalWrite(newItemBytes: 5 * KiB, existingItemBytes: null).ShouldBe(1);
    }

    [Theory]
    [InlineData(KiB, KiB, 1)]
    [InlineData(2 * KiB, KiB, 2)]
    [InlineData(KiB, 2 * KiB, 2)]
    public void ForFailedConditionalWrite_ExistingItem_BillsTheLargerSize(int newBytes, int existingBytes, int units)
    {
        // read-write-operations.html: a failed conditional write of a 1 KB item consumes one unit;
        // of a new item twice that size, two.
        CapacityUnits.ForFailedConditionalWrite(newBytes, existingBytes).ShouldBe(units);
    }

    [Fact]
    public void ForDelete_BillsTheDeletedItem_OrOneUnitWhenAbsent()
    {
        new[] { CapacityUnits.ForDelete(3000), CapacityUnits.ForDelete(null) }.ShouldBe([3, 1]);
    }

    [Fact]
    public void ForBatchWrite_RoundsEachItemBeforeSumming()
    {
        // read-write-operations.html: a 500-byte and a 3.5 KB item count as 1 KB + 4 KB = 5 KB.
        CapacityUnits.ForBatchWrite([500, 3584]).ShouldBe(5);
    }

    [Fact]
    public void ForIndexWrite_NoEntryBeforeOrAfter_CostsNothing()
    {
        CapacityUnits.ForIndexWrite(null, null, IndexEntryChange.IndexKeyChanged).ShouldBe(0);
    }

    [Fact]
    public void ForIndexWrite_NewEntry_IsOneWriteOfTheEntrySize()
    {
        CapacityUnits.ForIndexWrite(null, 1500, IndexEntryChange.Unchanged).ShouldBe(2);
    }

    [Fact]
    public void ForIndexWrite_EntryRemoved_IsOneWriteToDeleteIt()
    {
        CapacityUnits.ForIndexWrite(200, null, IndexEntryChange.Unchanged).ShouldBe(1);
    }

    [Fact]
    public void ForIndexWrite_IndexKeyChanged_IsADeleteAndAPut()
    {
        CapacityUnits.ForIndexWrite(200, 300, IndexEntryChange.IndexKeyChanged).ShouldBe(2);
    }

    [Fact]
    public void ForIndexWrite_OnlyProjectedAttributesChanged_IsOneWriteOfTheLargerEntry()
    {
        CapacityUnits.ForIndexWrite(900, 1100, IndexEntryChange.ProjectedAttributesChanged).ShouldBe(2);
    }

    [Fact]
    public void ForIndexWrite_EntryUnchanged_CostsNothing()
    {
        CapacityUnits.ForIndexWrite(200, 200, IndexEntryChange.Unchanged).ShouldBe(0);
    }

    [Theory]
    [InlineData(3500, 1.0)]
    [InlineData(3584, 1.0)]
    [InlineData(10 * KiB, 3.0)]
    [InlineData(8 * KiB, 2.0)]
    public void ForRead_StronglyConsistent_RoundsUpToTheNextFourKilobytes(int bytes, double units)
    {
        // read-write-operations.html: 3,500 bytes cost as 4 KB; 3.5 KB rounds to 4 KB, 10 KB to 12 KB;
        // an 8 KB item needs 2 units.
        CapacityUnits.ForRead(bytes, ReadConsistency.Strong).ShouldBe(units);
    }

    [Fact]
    public void ForRead_EightKilobytes_IsOneUnitEventualAndFourTransactional()
    {
        // on-demand-capacity-mode.html: an 8 KB item: 2 strongly consistent, 1 eventually consistent, 4 transactional.
        new[] { CapacityUnits.ForRead(8 * KiB, ReadConsistency.Eventual), CapacityUnits.ForRead(8 * KiB, ReadConsistency.Transactional) }
            .ShouldBe([1.0, 4.0]);
    }

    [Fact]
    public void ForRead_ItemThatDoesNotExist_StillCostsOneUnitOrHalfEventual()
    {
        new[] { CapacityUnits.ForRead(0, ReadConsistency.Strong), CapacityUnits.ForRead(0, ReadConsistency.Eventual) }.ShouldBe([1.0, 0.5]);
    }

    [Fact]
    public void ForRead_QueryOfTenItemsOf40Point8Kilobytes_RoundsTo44KilobytesOrElevenUnits()
    {
        // read-write-operations.html: a query returning 10 items of 40.8 KB in all is rounded to 44 KB.
        CapacityUnits.ForRead((long)(40.8 * KiB), ReadConsistency.Strong).ShouldBe(11.0);
    }

    [Fact]
    public void ForRead_QueryOf1500ItemsOf64Bytes_Is96KilobytesOr24Units()
    {
        CapacityUnits.ForRead(1500 * 64, ReadConsistency.Strong).ShouldBe(24.0);
    }

    [Fact]
    public void ForRead_EventuallyConsistentQueryOf80Kilobytes_IsTenUnits()
    {
        CapacityUnits.ForRead(80 * KiB, ReadConsistency.Eventual).ShouldBe(10.0);
    }

    [Fact]
    public void ForRead_IndexQueryOfEightEntriesOf2000Bytes_IsTwoUnits()
    {
        // GSI.html#GSI.ThroughputConsiderations.Reads: 8 entries x 2,000 bytes = 16,000 bytes, rounded
        // to 16 KB, eventually consistent: 0.5 x 4 = 2 units.
        CapacityUnits.ForRead(8 * 2000, ReadConsistency.Eventual).ShouldBe(2.0);
    }

    [Fact]
    public void ForBatchGet_RoundsEachItemBeforeSumming()
    {
        // read-write-operations.html: a 1.5 KB and a 6.5 KB item count as 4 KB + 8 KB = 12 KB.
        CapacityUnits.ForBatchGet([1536, 6656], ReadConsistency.Strong).ShouldBe(3.0);
    }
}
