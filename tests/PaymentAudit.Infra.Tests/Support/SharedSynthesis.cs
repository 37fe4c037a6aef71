namespace PaymentAudit.Infra.Tests.Support;

/// <summary>All tests that touch CDK share one synthesis and run one at a time (jsii is not thread-safe).</summary>
[CollectionDefinition(Name)]
public sealed class SharedSynthesis : ICollectionFixture<SynthesizedApp>
{
    /// <summary>Collection name used by <c>[Collection]</c>.</summary>
    public const string Name = "Synthesis";
}
