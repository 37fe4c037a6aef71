using System.Text.Json.Nodes;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Tests.Support;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

public sealed class AuditEventValidatorTests
{
    private readonly AuditEventValidator _validator = new();

    [Fact]
    public void Validate_AccessEventWithEveryOptionalField_ReturnsTheSameEvent()
    {
        var json = Some.AccessEventJson();

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        Some.Json(result.Event).ShouldBe(json);
    }

    [Fact]
    public void Validate_AccessEventWithOnlyRequiredFields_IsValid()
    {
        var result = _validator.Validate(Some.Json(Some.MinimalAccessEvent()));

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Event.Response.ShouldBeNull();
        result.Event.Origin.Ip.ShouldBeNull();
    }

    [Fact]
    public void Validate_PaymentEvent_ReturnsItsPayment()
    {
        var result = _validator.Validate(Some.PaymentEventJson());

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
        result.Event.Payment.ShouldBe(new PaymentDetails("pay-2001", "129.90", "EUR"));
    }

    [Fact]
    public void Validate_PaymentProcessedWithoutPayment_IsMissingPayment()
    {
        var json = JsonEdit.Remove(Some.PaymentEventJson(), "payment");

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'payment' is required when eventType is 'payment.processed'"));
    }

    [Fact]
    public void Validate_PaymentProcessedWithQueryButWithoutPayment_IsStillMissingPayment()
    {
        var json = JsonEdit.Set(JsonEdit.Remove(Some.PaymentEventJson(), "payment"), "query", new JsonObject { ["description"] = "d" });

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldStartWith("field 'payment' is required");
    }

    [Theory]
    [InlineData(AuditEventTypes.RecordsQueried)]
    [InlineData(AuditEventTypes.RecordViewed)]
    [InlineData("payment.refund.issued")]
    public void Validate_AccessEventWithoutQuery_IsMissingQuery(string eventType)
    {
        var json = JsonEdit.Set(JsonEdit.Remove(Some.AccessEventJson(), "query"), "eventType", eventType);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'query' is required for access events (any eventType except 'payment.processed')"));
    }

    [Fact]
    public void Validate_EmptyQuery_NamesWhatTheQueryNeeds()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query", new JsonObject());

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'query' needs 'recordIds' or 'description'"));
    }

    [Theory]
    [InlineData("schemaVersion")]
    [InlineData("eventId")]
    [InlineData("eventType")]
    [InlineData("occurredAt")]
    [InlineData("actor")]
    [InlineData("actor.id")]
    [InlineData("actor.type")]
    [InlineData("origin")]
    [InlineData("origin.service")]
    [InlineData("outcome")]
    [InlineData("outcome.result")]
    public void Validate_RequiredFieldAbsent_NamesItsPath(string path)
    {
        var json = JsonEdit.Remove(Some.AccessEventJson(), path);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, $"field '{path}' is required"));
    }

    [Theory]
    [InlineData("payment.paymentId")]
    [InlineData("payment.amount")]
    [InlineData("payment.currency")]
    public void Validate_PaymentFieldAbsent_NamesItsPath(string path)
    {
        var json = JsonEdit.Remove(Some.PaymentEventJson(), path);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, $"field '{path}' is required"));
    }

    [Fact]
    public void Validate_ResponseWithoutRecordIds_SaysToSendAnEmptyList()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "response", new JsonObject());

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'response.recordIds' is required (use an empty list when nothing was returned)"));
    }

    [Theory]
    [InlineData("eventId", "\"\"")]
    [InlineData("eventId", "\"-starts-with-a-dash\"")]
    [InlineData("eventId", "\"has space\"")]
    [InlineData("eventId", "\"slash/inside\"")]
    [InlineData("eventId", "42")]
    [InlineData("eventType", "\"Payment.Processed\"")]
    [InlineData("eventType", "\"payment\"")]
    [InlineData("eventType", "\"payment..viewed\"")]
    [InlineData("eventType", "\"payment.1viewed\"")]
    [InlineData("eventType", "\"payment-record.viewed\"")]
    [InlineData("actor", "\"user-ana\"")]
    [InlineData("actor.id", "\"\"")]
    [InlineData("actor.id", "\"ana maria\"")]
    [InlineData("actor.id", "\"ana\\u00e9\"")]
    [InlineData("actor.type", "\"admin\"")]
    [InlineData("actor.type", "\"User\"")]
    [InlineData("origin", "[]")]
    [InlineData("origin.service", "null")]
    [InlineData("origin.ip", "\"256.1.1.1\"")]
    [InlineData("origin.ip", "\"01.2.3.4\"")]
    [InlineData("origin.ip", "\"1.2.3\"")]
    [InlineData("origin.ip", "\"fe80::1%eth0\"")]
    [InlineData("origin.ip", "\"1:2:3:4:5:6:7:8:9\"")]
    [InlineData("origin.ip", "\"localhost\"")]
    [InlineData("origin.ip", "\" 1.2.3.4\"")]
    [InlineData("origin.ip", "\"1.2.3.4 \"")]
    [InlineData("origin.ip", "\"1.2.3.4.5\"")]
    [InlineData("origin.ip", "\"1..2.3\"")]
    [InlineData("origin.ip", "\"1.2.3.\"")]
    [InlineData("origin.ip", "\"1234.1.1.1\"")]
    [InlineData("origin.ip", "\"99999999999.1.1.1\"")]
    [InlineData("origin.requestId", "\"req 1\"")]
    [InlineData("query", "\"pay-1001\"")]
    [InlineData("query.recordIds", "[]")]
    [InlineData("query.recordIds", "\"pay-1001\"")]
    [InlineData("query.description", "\"\"")]
    [InlineData("query.description", "7")]
    [InlineData("response", "[\"pay-1001\"]")]
    [InlineData("response.recordIds", "{}")]
    [InlineData("outcome.result", "\"ok\"")]
    [InlineData("outcome.result", "true")]
    [InlineData("outcome.reason", "\"\"")]
    public void Validate_InvalidField_NamesItsPath(string path, string valueJson)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), path, JsonNode.Parse(valueJson));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.InvalidField);
        rejection.Reason.ShouldStartWith($"field '{path}' must ");
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("192.168.100.7")]
    [InlineData("10.0.0.1")]
    public void Validate_DottedQuadIpv4_IsAccepted(string ip)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "origin.ip", JsonValue.Create(ip));

        _validator.Validate(json).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("payment", "\"pay-2001\"")]
    [InlineData("payment.paymentId", "\"\"")]
    [InlineData("payment.amount", "129.9")]
    [InlineData("payment.amount", "\"1e3\"")]
    [InlineData("payment.amount", "\"01.5\"")]
    [InlineData("payment.amount", "\"1.\"")]
    [InlineData("payment.amount", "\".5\"")]
    [InlineData("payment.amount", "\"+1\"")]
    [InlineData("payment.amount", "\"-\"")]
    [InlineData("payment.amount", "\"1,50\"")]
    [InlineData("payment.amount", "\"12.1234567\"")]
    [InlineData("payment.amount", "\"1234567890123456\"")]
    [InlineData("payment.currency", "\"eur\"")]
    [InlineData("payment.currency", "\"EURO\"")]
    [InlineData("payment.currency", "\"E1R\"")]
    public void Validate_InvalidPaymentField_NamesItsPath(string path, string valueJson)
    {
        var json = JsonEdit.Set(Some.PaymentEventJson(), path, JsonNode.Parse(valueJson));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.InvalidField);
        rejection.Reason.ShouldStartWith($"field '{path}' must ");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("129.90")]
    [InlineData("999999999999999.999999")]
    [InlineData("-100")]
    public void Validate_DecimalAmountWithinLimits_IsValid(string amount)
    {
        var json = JsonEdit.Set(Some.PaymentEventJson(), "payment.amount", amount);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("2001:db8:85a3::8a2e:370:7334")]
    [InlineData("FE80::1")]
    [InlineData("::ffff:192.168.1.1")]
    public void Validate_IpAddress_IsValid(string ip)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "origin.ip", ip);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
    }

    [Theory]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("01J9Z3:evt_1.2-3")]
    public void Validate_EventIdOfAllowedCharacters_IsValid(string eventId)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "eventId", eventId);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
    }

    [Theory]
    [InlineData("eventId", 128, true)]
    [InlineData("eventId", 129, false)]
    [InlineData("actor.id", 128, true)]
    [InlineData("actor.id", 129, false)]
    [InlineData("origin.service", 129, false)]
    [InlineData("origin.requestId", 129, false)]
    public void Validate_IdentifierLength_IsLimitedTo128(string path, int length, bool valid)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), path, new string('a', length));

        var result = _validator.Validate(json);

        result.IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Validate_EventTypeOf65Characters_IsInvalid()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "eventType", "payment." + new string('a', 57));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldStartWith("field 'eventType' must ");
    }

    [Theory]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void Validate_DescriptionLength_CountsCodePointsNotUtf16Units(int emojiCount, bool valid)
    {
        var description = string.Concat(Enumerable.Repeat("\ud83d\ude00", emojiCount));
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.description", description);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Validate_ReasonOver1024Characters_NamesTheLimit()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "outcome.reason", new string('r', 1025));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "field 'outcome.reason' must be 1-1024 characters"));
    }

    [Theory]
    [InlineData("query.recordIds", 40, true)]
    [InlineData("query.recordIds", 41, false)]
    [InlineData("response.recordIds", 0, true)]
    [InlineData("response.recordIds", 50, true)]
    [InlineData("response.recordIds", 51, false)]
    public void Validate_RecordIdCount_IsLimited(string path, int count, bool valid)
    {
        var ids = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode?)JsonValue.Create($"pay-{i}")).ToArray());
        var json = JsonEdit.Set(Some.AccessEventJson(), path, ids);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBe(valid);
    }

    [Fact]
    public void Validate_TooManyRecordIds_SaysHowManyAreAllowed()
    {
        var ids = new JsonArray(Enumerable.Range(0, 51).Select(i => (JsonNode?)JsonValue.Create($"pay-{i}")).ToArray());
        var json = JsonEdit.Set(Some.AccessEventJson(), "response.recordIds", ids);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "field 'response.recordIds' must hold 0-50 record ids (it holds 51)"));
    }

    [Fact]
    public void Validate_RepeatedRecordId_NamesTheRepeatingItem()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.recordIds", new JsonArray("pay-1", "pay-2", "pay-1"));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "field 'query.recordIds[2]' repeats an earlier record id; ids must be unique"));
    }

    [Fact]
    public void Validate_RecordIdThatIsNotAString_NamesTheItem()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "response.recordIds", new JsonArray("pay-1", 2));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "field 'response.recordIds[1]' must be a string, not a number"));
    }

    [Fact]
    public void Validate_CustomLimits_AreApplied()
    {
        var validator = new AuditEventValidator(new ValidationLimits { MaxQueryRecordIds = 1 });

        var rejection = validator.Validate(Some.AccessEventJson()).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "field 'query.recordIds' must hold 1-1 record ids (it holds 2)"));
    }

    [Theory]
    [InlineData("", "extra", "field 'extra' is not part of schema version 1")]
    [InlineData("actor", "role", "field 'actor.role' is not part of schema version 1")]
    [InlineData("origin", "host", "field 'origin.host' is not part of schema version 1")]
    [InlineData("query", "filter", "field 'query.filter' is not part of schema version 1")]
    [InlineData("outcome", "code", "field 'outcome.code' is not part of schema version 1")]
    public void Validate_UnknownField_NamesItsPath(string parent, string name, string expectedReason)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), parent.Length == 0 ? name : $"{parent}.{name}", "x");

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.UnknownField, expectedReason));
    }

    [Fact]
    public void Validate_UnknownFieldInPayment_NamesItsPath()
    {
        var json = JsonEdit.Set(Some.PaymentEventJson(), "payment.cardNumber", "masked");

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.UnknownField, "field 'payment.cardNumber' is not part of schema version 1"));
    }

    [Fact]
    public void Validate_LongUnknownFieldName_IsShortenedInTheReason()
    {
        var name = "x" + new string('y', 62) + "SECRET-TAIL-" + new string('z', 200);
        var json = JsonEdit.Set(Some.AccessEventJson(), name, 1);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.UnknownField, $"field '{name[..64]}...' is not part of schema version 1"));
    }

    [Fact]
    public void Validate_UnknownFieldNameWithControlCharacters_IsPrintedWithPlaceholders()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "a\nb\u00e9", 1);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldBe("field 'a?b?' is not part of schema version 1");
    }

    [Theory]
    [InlineData("\"schemaVersion\":1", "\"schemaVersion\":1,\"schemaVersion\":1", "schemaVersion")]
    [InlineData("\"eventId\":\"evt-0001\"", "\"eventId\":\"evt-0001\",\"eventId\":\"evt-0002\"", "eventId")]
    [InlineData("\"id\":\"user-ana\"", "\"id\":\"user-ana\",\"id\":\"user-bob\"", "actor.id")]
    [InlineData("\"result\":\"denied\"", "\"result\":\"denied\",\"result\":\"success\"", "outcome.result")]
    [InlineData("\"recordIds\":[\"pay-1001\"]", "\"recordIds\":[\"pay-1001\"],\"recordIds\":[]", "response.recordIds")]
    public void Validate_DuplicateField_NamesItsPath(string member, string duplicated, string path)
    {
        var json = Some.AccessEventJson().Replace(member, duplicated, StringComparison.Ordinal);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.DuplicateField, $"field '{path}' appears more than once"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{")]
    [InlineData("{\"schemaVersion\":1,}")]
    [InlineData("{'schemaVersion':1}")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    public void Validate_NotJson_IsRejectedWithAPosition(string payload)
    {
        var rejection = _validator.Validate(payload).Rejection;

        rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.NotJson);
        rejection.Reason.ShouldStartWith("payload is not valid JSON (line 1, byte ");
    }

    [Fact]
    public void Validate_NestingDeeperThan16_IsRejectedAsNotJson()
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "query.description", JsonNode.Parse(new string('[', 20) + new string(']', 20)));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.NotJson);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("42", "a number")]
    [InlineData("\"event\"", "a string")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    public void Validate_JsonThatIsNotAnObject_SaysWhatItIs(string payload, string kind)
    {
        var rejection = _validator.Validate(payload).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.NotAnObject, $"payload must be a JSON object, not {kind}"));
    }

    [Theory]
    [InlineData("2026-01-31T09:15:00+01:00")]
    [InlineData("2026-01-31T09:15:00+00:00")]
    [InlineData("2026-01-31T09:15:00-00:00")]
    [InlineData("2026-01-31T09:15:00")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-00-10T00:00:00Z")]
    [InlineData("2026-01-00T00:00:00Z")]
    [InlineData("2026-01-31T24:00:00Z")]
    [InlineData("2026-01-31T09:60:00Z")]
    [InlineData("2026-12-31T23:59:60Z")]
    [InlineData("2026-01-31T09:15:00.1234567890Z")]
    [InlineData("2026-01-31T09:15:00.Z")]
    [InlineData("2026-01-31T09:15:00,5Z")]
    [InlineData("2026-01-31t09:15:00z")]
    [InlineData("2026-01-31 09:15:00Z")]
    [InlineData("2026-1-31T09:15:00Z")]
    [InlineData("2026-01-31T09:15Z")]
    [InlineData("20260131T091500Z")]
    [InlineData("")]
    public void Validate_OccurredAtThatIsNotRfc3339Utc_IsAnInvalidTimestamp(string occurredAt)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "occurredAt", occurredAt);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(
            RejectionCode.InvalidTimestamp,
            "field 'occurredAt' must be an RFC 3339 date-time in UTC such as 2026-01-31T09:15:00.123Z"));
    }

    [Theory]
    [InlineData("2026-01-31T09:15:00Z")]
    [InlineData("2026-01-31T09:15:00.1Z")]
    [InlineData("2026-01-31T09:15:00.123456789Z")]
    [InlineData("2024-02-29T23:59:59.999Z")]
    [InlineData("2000-02-29T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    public void Validate_OccurredAtInRfc3339Utc_IsValid(string occurredAt)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "occurredAt", occurredAt);

        var result = _validator.Validate(json);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("\"1\"")]
    [InlineData("null")]
    [InlineData("99999999999")]
    public void Validate_SchemaVersionOtherThanOne_IsUnsupported(string version)
    {
        var json = JsonEdit.Set(Some.AccessEventJson(), "schemaVersion", JsonNode.Parse(version));

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(
            RejectionCode.UnsupportedSchemaVersion,
            "field 'schemaVersion' must be 1; this writer supports schema version 1 only"));
    }

    [Fact]
    public void Validate_PayloadOverTheByteLimit_IsOversizeWithBothSizes()
    {
        var json = Some.AccessEventJson();
        var padded = json + new string(' ', 65_537 - json.Length);

        var rejection = _validator.Validate(padded).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.Oversize, "payload is 65537 bytes; the limit is 65536 bytes"));
    }

    [Fact]
    public void Validate_PayloadExactlyAtTheByteLimit_IsValid()
    {
        var json = Some.AccessEventJson();
        var padded = json + new string(' ', 65_536 - json.Length);

        var result = _validator.Validate(padded);

        result.IsValid.ShouldBeTrue(result.Rejection?.ToString());
    }

    [Fact]
    public void Validate_ByteLimit_CountsUtf8BytesNotCharacters()
    {
        var validator = new AuditEventValidator(new ValidationLimits { MaxEventBytes = 400 });
        var json = JsonEdit.Set(Some.Json(Some.MinimalAccessEvent()), "query.description", new string('\u00e9', 100));
        json = json.Replace("\\u00E9", "\u00e9", StringComparison.Ordinal);

        var rejection = validator.Validate(json).Rejection;

        System.Text.Encoding.UTF8.GetByteCount(json).ShouldBeGreaterThan(400);
        json.Length.ShouldBeLessThan(400);
        rejection.ShouldNotBeNull().Code.ShouldBe(RejectionCode.Oversize);
    }

    [Fact]
    public void Validate_LoneSurrogateEscapeInAString_IsAnInvalidField()
    {
        var json = Some.AccessEventJson().Replace("refund review", "refund \\ud800review", StringComparison.Ordinal);

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.InvalidField, "a string contains an invalid Unicode escape (lone surrogate)"));
    }

    [Fact]
    public void Validate_FirstProblemInDocumentOrder_IsTheOneReported()
    {
        var json = JsonEdit.Set(JsonEdit.Set(Some.AccessEventJson(), "eventId", " "), "outcome.result", "ok");

        var rejection = _validator.Validate(json).Rejection;

        rejection.ShouldNotBeNull().Reason.ShouldStartWith("field 'eventId' ");
    }

    [Fact]
    public void Validate_ParsedJsonElement_AppliesTheSameRules()
    {
        using var document = System.Text.Json.JsonDocument.Parse(JsonEdit.Remove(Some.AccessEventJson(), "actor.id"));

        var rejection = _validator.Validate(document.RootElement).Rejection;

        rejection.ShouldBe(new Rejection(RejectionCode.MissingField, "field 'actor.id' is required"));
    }

    [Theory]
    [InlineData(RejectionCode.NotJson, "not_json")]
    [InlineData(RejectionCode.NotAnObject, "not_an_object")]
    [InlineData(RejectionCode.MissingField, "missing_field")]
    [InlineData(RejectionCode.InvalidField, "invalid_field")]
    [InlineData(RejectionCode.UnknownField, "unknown_field")]
    [InlineData(RejectionCode.DuplicateField, "duplicate_field")]
    [InlineData(RejectionCode.InvalidTimestamp, "invalid_timestamp")]
    [InlineData(RejectionCode.UnsupportedSchemaVersion, "unsupported_schema_version")]
    [InlineData(RejectionCode.Oversize, "oversize")]
    [InlineData(RejectionCode.ForbiddenContent, "forbidden_content")]
    public void CodeName_EveryRejectionCode_HasItsStoredName(RejectionCode code, string expected)
    {
        var rejection = new Rejection(code, "r");

        rejection.CodeName.ShouldBe(expected);
    }

    [Fact]
    public void CodeName_EveryRejectionCode_IsMapped()
    {
        var names = Enum.GetValues<RejectionCode>().Select(c => new Rejection(c, "r").CodeName);

        names.Distinct().Count().ShouldBe(Enum.GetValues<RejectionCode>().Length);
    }
}
