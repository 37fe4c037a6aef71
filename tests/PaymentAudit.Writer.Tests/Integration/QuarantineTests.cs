using System.Text;
using System.Text.Json;
using PaymentAudit.Core.Chain;
using PaymentAudit.Core.Validation;
using PaymentAudit.Testing.DynamoDb;
using PaymentAudit.Testing.Fauxqs;
using PaymentAudit.Testing.Support;
using PaymentAudit.Writer.Processing;
using PaymentAudit.Writer.Tests.Support;

namespace PaymentAudit.Writer.Tests.Integration;

[Collection(UsesDynamoDbLocal.Name)]
public sealed class QuarantineTests(DynamoDbLocalFixture dynamoDb, FauxqsFixture fauxqs)
{
    private const string CardNumber = "4111 1111 1111 1111";

    public static TheoryData<string, string> BadPayloads() => new()
    {
        { "not json", "not_json" },
        { "[1,2,3]", "not_an_object" },
        { Some.Json(Some.AccessEvent()).Replace("\"actor\":", "\"actr\":", StringComparison.Ordinal), "unknown_field" },
        { Some.Json(Some.AccessEvent()).Replace("\"schemaVersion\":1", "\"schemaVersion\":7", StringComparison.Ordinal), "unsupported_schema_version" },
        { Some.Json(Some.AccessEvent()).Replace("2026-11-23T09:00:00.000Z", "yesterday", StringComparison.Ordinal), "invalid_timestamp" },
        { Some.Json(Some.AccessEvent() with { Outcome = new Core.Contract.Outcome("success", new string('x', 70_000)) }), "oversize" },
        { Some.Json(Some.AccessEvent(eventId: "4111111111111111")), "forbidden_content" },
        { $"{{\"note\":\"card 4111-1111-1111-1111 and not even an event\"}}", "unknown_field" },
    };

    [Theory]
    [MemberData(nameof(BadPayloads))]
    public async Task A_bad_message_is_quarantined_with_its_reason_and_the_group_continues(string payload, string expectedCode)
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var before = Some.AccessEvent(minute: 1);
        var after = Some.AccessEvent(minute: 2);

        var report = await sut.NewWriter().ProcessAsync(
        [
            delivery.Message("g", Some.Json(before)),
            delivery.Message("g", payload),
            delivery.Message("g", Some.Json(after)),
        ]);

        report.Messages.Select(m => m.Outcome).ShouldBe([MessageOutcome.Accepted, MessageOutcome.Rejected, MessageOutcome.Accepted]);
        var chain = await sut.ChainAsync("g");
        chain.Select(r => r.Record.Status).ShouldBe([RecordStatus.Accepted, RecordStatus.Rejected, RecordStatus.Accepted]);
        using var body = JsonDocument.Parse(chain[1].Record.Body);
        var rejection = body.RootElement.GetProperty("rejection");
        rejection.GetProperty("code").GetString().ShouldBe(expectedCode);
        rejection.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        rejection.GetProperty("payloadBytes").GetInt32().ShouldBe(Encoding.UTF8.GetByteCount(payload));
        var preview = rejection.GetProperty("preview").GetString()!;
        payload.Replace(CardNumber, "**** **** **** 1111", StringComparison.Ordinal).Replace("4111-1111-1111-1111", "****-****-****-1111", StringComparison.Ordinal)
            .Replace("4111111111111111", "************1111", StringComparison.Ordinal).ShouldStartWith(preview);
        (preview.Length == payload.Length || rejection.GetProperty("previewTruncated").GetBoolean()).ShouldBeTrue();
        (await sut.VerifyAsync("g")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_message_larger_than_the_preview_is_archived_whole_under_its_hash()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var junk = "junk " + new string('x', 261_000) + $" card {CardNumber}";

        var report = await sut.NewWriter().ProcessAsync([new Delivery().Message("g", junk)]);

        report.Messages.Single().Outcome.ShouldBe(MessageOutcome.Rejected);
        var record = (await sut.ChainAsync("g")).Single().Record;
        var details = RecordProjection.TryRead(record.Body, new AuditEventValidator(), out _)!.Quarantine!;
        details.Archived.ShouldBeTrue();
        var archived = await sut.Archive.ReadAsync(details.PayloadSha256!, CancellationToken.None);
        archived.ShouldNotBeNull().Length.ShouldBe((int)details.PayloadBytes!);
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(archived)).ShouldBe(details.PayloadSha256);
        CardNumberDetector.ContainsCardNumber(Encoding.UTF8.GetString(archived)).ShouldBeFalse();
        Encoding.UTF8.GetByteCount(record.Body).ShouldBeLessThan(QuarantinedPayload.PreviewMaxBytes + 1_000);
    }

    [Fact]
    public async Task An_event_with_a_card_number_in_a_field_is_stored_masked_and_marked_redacted()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var payload = Some.Json(Some.AccessEvent()).Replace("refund review", $"refund review card {CardNumber}", StringComparison.Ordinal);

        var report = await sut.NewWriter().ProcessAsync([new Delivery().Message("g", payload)]);

        var processed = report.Messages.ShouldHaveSingleItem();
        (processed.Outcome, processed.Redactions).ShouldBe((MessageOutcome.Accepted, 1));
        var record = (await sut.ChainAsync("g")).Single().Record;
        using var body = JsonDocument.Parse(record.Body);
        body.RootElement.GetProperty("redacted").EnumerateArray().Select(p => p.GetString()).ShouldBe(["query.description"]);
        body.RootElement.GetProperty("event").GetProperty("query").GetProperty("description").GetString()!.ShouldContain("card **** **** **** 1111");
        (await sut.VerifyAsync("g")).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task No_stored_item_or_log_line_holds_a_card_number()
    {
        using var sut = await WriterUnderTest.CreateAsync(dynamoDb, fauxqs);
        var delivery = new Delivery();
        var payload = Some.Json(Some.AccessEvent()).Replace("refund review", $"refund review card {CardNumber}", StringComparison.Ordinal);

        await sut.NewWriter().ProcessAsync([delivery.Message("g", payload)]);

        var everything = new StringBuilder();
        foreach (var item in await sut.ScanAllAsync())
        {
            foreach (var value in item.Values)
            {
                everything.Append(value.S).Append(' ').Append(string.Join(' ', value.L?.Select(v => v.S) ?? [])).Append('\n');
            }
        }

        var archivedObjects = await sut.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = sut.Bucket });
        foreach (var stored in archivedObjects.S3Objects ?? [])
        {
            using var response = await sut.S3.GetObjectAsync(sut.Bucket, stored.Key);
            using var reader = new StreamReader(response.ResponseStream);
            everything.Append(await reader.ReadToEndAsync()).Append('\n');
        }

        everything.ToString().ShouldContain("**** **** **** 1111");
        CardNumberDetector.ContainsCardNumber(everything.ToString()).ShouldBeFalse();
        sut.Output.ToString().ShouldNotContain("1111 1111 1111");
        sut.Output.ToString().ShouldNotContain("111111111111");
    }
}
