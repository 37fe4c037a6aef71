using Amazon.DynamoDBv2.Model;
using PaymentAudit.Core.Chain;
using PaymentAudit.Storage;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Integration;

/// <summary>
/// Changes stored records behind the writer's back (as someone with table access could, were the
/// deployed resource policy not there) and checks that verification names the chain and position.
/// </summary>
[Collection(UsesDynamoDbLocal.Name)]
public sealed class TamperingTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    private const string Chain = "tampered";

    [Fact]
    public async Task Editing_a_record_body_is_found_at_that_record()
    {
        using var sut = await StoredChainAsync();
        var item = await GetAsync(sut, 3);
        item["body"] = new AttributeValue { S = item["body"].S.Replace("\"success\"", "\"denied\"", StringComparison.Ordinal) };
        await sut.Client.PutItemAsync(sut.Table, item);

        var result = await sut.VerifyAsync(Chain);

        result.FirstViolation.ShouldBe(result.Violations.First(v => v.Seq == 3));
        result.Violations.ShouldContain(v => v.Kind == ViolationKind.HashMismatch && v.Seq == 3 && v.ChainId == Chain);
    }

    [Fact]
    public async Task Editing_a_seed_attribute_is_found_at_that_record()
    {
        using var sut = await StoredChainAsync();
        var item = await GetAsync(sut, 4);
        item["user_id"] = new AttributeValue { S = "someone-else" };
        await sut.Client.PutItemAsync(sut.Table, item);

        var result = await sut.VerifyAsync(Chain);

        result.Violations.ShouldHaveSingleItem().ShouldBe(new ChainViolation(Chain, 4, ViolationKind.AttributeMismatch, "attribute 'user_id' does not match the record body"));
    }

    [Fact]
    public async Task Deleting_a_middle_record_is_found_as_a_gap()
    {
        using var sut = await StoredChainAsync();
        await sut.Client.DeleteItemAsync(sut.Table, Key(2));

        var result = await sut.VerifyAsync(Chain);

        result.FirstViolation!.Kind.ShouldBe(ViolationKind.Gap);
        result.FirstViolation.Seq.ShouldBe(2);
    }

    [Fact]
    public async Task Deleting_the_last_record_is_found_against_the_head_the_index_committed()
    {
        using var sut = await StoredChainAsync();
        await sut.Client.DeleteItemAsync(sut.Table, Key(5));

        var result = await sut.VerifyAsync(Chain);

        result.Violations.ShouldHaveSingleItem().Kind.ShouldBe(ViolationKind.HeadMismatch);
    }

    [Fact]
    public async Task Inserting_a_forged_record_after_the_end_is_found()
    {
        using var sut = await StoredChainAsync();
        var forged = await GetAsync(sut, 5);
        forged["sk"] = new AttributeValue { S = AuditKeys.Record(6) };
        await sut.Client.PutItemAsync(sut.Table, forged);

        var result = await sut.VerifyAsync(Chain);

        result.Violations.ShouldContain(v => v.Seq == 6 && v.Kind == ViolationKind.BrokenLink);
        result.Violations.ShouldContain(v => v.Seq == 6 && v.Kind == ViolationKind.BodyMismatch);
    }

    [Fact]
    public async Task Swapping_two_records_is_found_at_both_positions()
    {
        using var sut = await StoredChainAsync();
        var second = await GetAsync(sut, 2);
        var third = await GetAsync(sut, 3);
        (second["sk"], third["sk"]) = (third["sk"], second["sk"]);
        await sut.Client.PutItemAsync(sut.Table, second);
        await sut.Client.PutItemAsync(sut.Table, third);

        var result = await sut.VerifyAsync(Chain);

        result.FirstViolation!.Seq.ShouldBe(2);
        result.Violations.Where(v => v.Kind == ViolationKind.BodyMismatch).Select(v => v.Seq).ShouldBe([2L, 3L]);
    }

    [Fact]
    public async Task Rehashing_an_edited_record_is_found_at_the_next_link()
    {
        using var sut = await StoredChainAsync();
        var item = await GetAsync(sut, 2);
        var body = item["body"].S.Replace("\"success\"", "\"denied\"", StringComparison.Ordinal);
        item["body"] = new AttributeValue { S = body };
        item["query_result"] = new AttributeValue { S = "denied" };
        item["hash"] = new AttributeValue { S = RecordHasher.Compute(body, item["prevHash"].S) };
        await sut.Client.PutItemAsync(sut.Table, item);

        var result = await sut.VerifyAsync(Chain);

        result.Violations.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.Seq.ShouldBe(3),
            v => v.Kind.ShouldBe(ViolationKind.BrokenLink));
    }

    [Fact]
    public async Task Rewriting_the_tail_consistently_after_it_was_committed_is_found_at_the_committed_head()
    {
        using var sut = await StoredChainAsync();
        var fourth = await GetAsync(sut, 4);
        var fifth = await GetAsync(sut, 5);
        var body = fourth["body"].S.Replace("\"success\"", "\"denied\"", StringComparison.Ordinal);
        fourth["body"] = new AttributeValue { S = body };
        fourth["query_result"] = new AttributeValue { S = "denied" };
        fourth["hash"] = new AttributeValue { S = RecordHasher.Compute(body, fourth["prevHash"].S) };
        fifth["prevHash"] = fourth["hash"];
        fifth["hash"] = new AttributeValue { S = RecordHasher.Compute(fifth["body"].S, fourth["hash"].S) };
        await sut.Client.PutItemAsync(sut.Table, fourth);
        await sut.Client.PutItemAsync(sut.Table, fifth);

        var result = await sut.VerifyAsync(Chain);

        result.Violations.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            v => v.Seq.ShouldBe(5),
            v => v.Kind.ShouldBe(ViolationKind.HeadMismatch));
    }

    private async Task<WriterUnderTest> StoredChainAsync()
    {
        var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        await sut.NewWriter().ProcessAsync(Enumerable.Range(0, 5).Select(i => delivery.Message(Chain, Some.Json(Some.AccessEvent(minute: i)))).ToList());
        (await sut.IndexAsync()).Problems.ShouldBeEmpty();
        (await sut.VerifyAsync(Chain)).IsIntact.ShouldBeTrue();
        return sut;
    }

    private static Dictionary<string, AttributeValue> Key(long seq) => new()
    {
        ["pk"] = new AttributeValue { S = AuditKeys.Chain(Chain) },
        ["sk"] = new AttributeValue { S = AuditKeys.Record(seq) },
    };

    private static async Task<Dictionary<string, AttributeValue>> GetAsync(WriterUnderTest sut, long seq) =>
        (await sut.Client.GetItemAsync(new GetItemRequest { TableName = sut.Table, Key = Key(seq), ConsistentRead = true })).Item;
}
