using BenchmarkDotNet.Running;
using PaymentAudit.Benchmarks;

// Usage:
//   micro [BenchmarkDotNet args]   micro-benchmarks (e.g. micro --filter '*')
//   harness <name> [args]          an end-to-end harness against the local emulators
var harnesses = typeof(IHarness).Assembly.GetTypes()
    .Where(t => typeof(IHarness).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IHarness)Activator.CreateInstance(t)!)
    .ToDictionary(h => h.Name, StringComparer.Ordinal);

if (args is ["micro", .. var benchmarkArgs])
{
    BenchmarkSwitcher.FromAssembly(typeof(IHarness).Assembly).Run(benchmarkArgs);
    return 0;
}

if (args is ["harness", var name, .. var harnessArgs] && harnesses.TryGetValue(name, out var harness))
{
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    try
    {
        return await harness.RunAsync(harnessArgs, cancellation.Token);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine($"harness {name}: {e.Message}");
        return 2;
    }
}

Console.Error.WriteLine($"usage: micro [BenchmarkDotNet args] | harness <{string.Join('|', harnesses.Keys.Order())}> [args]");
return 2;
