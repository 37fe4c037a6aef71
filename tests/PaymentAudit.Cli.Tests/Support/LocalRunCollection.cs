using Xunit;

namespace PaymentAudit.Cli.Tests.Support;

/// <summary>
/// Tests that start and kill whole local runs with emulators of their own. They run after the
/// parallel tests, one at a time: each starts Java and Node twice and writes to disk.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LocalRunCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "local runs";
}
