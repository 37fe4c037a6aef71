using PaymentAudit.Testing.Fauxqs;
using Xunit;

namespace PaymentAudit.Client.Tests.Integration;

/// <summary>The tests that share the run's one fauxqs.</summary>
[CollectionDefinition(Name)]
public sealed class FauxqsCollection : ICollectionFixture<FauxqsFixture>
{
    public const string Name = "fauxqs";
}
