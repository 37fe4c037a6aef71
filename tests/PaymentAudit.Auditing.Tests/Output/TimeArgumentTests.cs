using PaymentAudit.Auditing.Output;

namespace PaymentAudit.Auditing.Tests.Output;

public sealed class TimeArgumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("-7d", "2026-11-22T12:00:00Z")]
    [InlineData("-12h", "2026-11-29T00:00:00Z")]
    [InlineData("-30m", "2026-11-29T11:30:00Z")]
    [InlineData("-45s", "2026-11-29T11:59:15Z")]
    [InlineData("now", "2026-11-29T12:00:00Z")]
    [InlineData("2026-11-23", "2026-11-23T00:00:00Z")]
    [InlineData("2026-11-23T09:15:00Z", "2026-11-23T09:15:00Z")]
    [InlineData("2026-11-23T10:15:00+01:00", "2026-11-23T09:15:00Z")]
    [InlineData("2026-11-23T09:15:00.123Z", "2026-11-23T09:15:00.123Z")]
    public void TryParse_AcceptedForm_GivesTheUtcTime(string text, string expected)
    {
        TimeArgument.TryParse(text, Now, out var value, out var error).ShouldBeTrue(error);

        value.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("7d")]
    [InlineData("-7w")]
    [InlineData("2026-13-01")]
    [InlineData("11/23/2026")]
    public void TryParse_OtherText_IsRefusedWithTheFormsItAccepts(string text)
    {
        TimeArgument.TryParse(text, Now, out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull().ShouldContain("RFC 3339");
    }
}
