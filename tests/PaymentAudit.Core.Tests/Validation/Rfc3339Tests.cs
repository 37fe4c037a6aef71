using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Validation;

public sealed class Rfc3339Tests
{
    [Fact]
    public void TryFormatSortable_AnyInstant_WritesWhatToSortableWrites()
    {
        var random = new Random(5);
        Span<char> written = stackalloc char[32];
        DateTime[] edges = [DateTime.MinValue, DateTime.MaxValue, new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1), new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999)];
        var instants = edges.Concat(Enumerable.Range(0, 5_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc)));

        foreach (var instant in instants)
        {
            Rfc3339.TryFormatSortable(instant, written, out var length).ShouldBeTrue();

            written[..length].ToString().ShouldBe(Rfc3339.ToSortable(instant));
        }
    }

    [Fact]
    public void TryFormatSortable_DestinationTooShort_IsFalse()
    {
        Span<char> written = stackalloc char[27];

        Rfc3339.TryFormatSortable(DateTime.UnixEpoch, written, out var length).ShouldBeFalse();

        length.ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-11-23T09:15:00Z")]
    [InlineData("2026-11-23T09:15:00.123456789Z")]
    [InlineData("2026-02-30T00:00:00Z")]
    [InlineData("2026-11-23T09:15:00+01:00")]
    [InlineData("")]
    public void TryParseUtc_Span_AgreesWithTheStringForm(string text)
    {
        var fromString = Rfc3339.TryParseUtc(text, out var expected);

        Rfc3339.TryParseUtc(text.AsSpan(), out var actual).ShouldBe(fromString);

        actual.ShouldBe(expected);
    }
}
