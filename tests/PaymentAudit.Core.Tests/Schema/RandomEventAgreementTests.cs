using PaymentAudit.Core.Tests.Support;

namespace PaymentAudit.Core.Tests.Schema;

/// <summary>Every event the C# contract produces and accepts is also valid under the published schema.</summary>
public sealed class RandomEventAgreementTests(RandomEventSamples samples) : IClassFixture<RandomEventSamples>
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, RandomEventSamples.Count)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomValidEvent_IsValidUnderThePublishedSchema(int seed)
    {
        var verdict = samples.ByName[$"{seed:D4}.json"];

        verdict.Valid.ShouldBeTrue($"{string.Join("; ", verdict.Errors)} in {Some.Json(RandomEvents.Valid(seed))}");
    }
}
