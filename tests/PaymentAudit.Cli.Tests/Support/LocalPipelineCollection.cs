using Xunit;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>Tests that share the run's emulators.</summary>
[CollectionDefinition(Name)]
public sealed class LocalPipelineCollection : ICollectionFixture<LocalPipelineFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "local pipeline";
}
