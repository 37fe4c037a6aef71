using System.Globalization;

namespace PaymentAudit.Benchmarks.Verification;

/// <summary>The verify harness's command line.</summary>
/// <param name="Records">Records to store (<c>--records</c>, default 1,000,000).</param>
/// <param name="Chains">Chains to spread them over (<c>--chains</c>, 1-1,000, default 64).</param>
/// <param name="Parallel">Chains verified at once (<c>--parallel</c>, 1-64 as <c>paymentaudit verify</c> allows, default 8).</param>
/// <param name="Keep">Keep DynamoDB Local's data folder and print its path (<c>--keep</c>).</param>
/// <param name="NamedChains">
/// Name every chain, as <c>paymentaudit verify --chain &lt;id&gt;</c> once per chain does
/// (<c>--named-chains</c>): every record is read and checked, the structures spanning chains (the
/// event index, event ids across chains) are not.
/// </param>
internal sealed record VerifyOptions(int Records, int Chains, int Parallel, bool Keep, bool NamedChains = false)
{
    /// <summary>How the harness is called.</summary>
    public const string Usage = "usage: harness verify [--records 1000000] [--chains 64] [--parallel 8] [--named-chains] [--keep]";

    /// <summary>Reads <paramref name="args"/>; false with <paramref name="error"/> set when they are not valid.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out VerifyOptions options, out string error)
    {
        options = new VerifyOptions(1_000_000, 64, 8, Keep: false);
        error = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--keep" or "--named-chains")
            {
                options = args[i] == "--keep" ? options with { Keep = true } : options with { NamedChains = true };
                continue;
            }

            var (min, max) = args[i] switch
            {
                "--records" => (1, int.MaxValue),
                "--chains" => (1, 1_000),
                "--parallel" => (1, 64),
                _ => (0, 0),
            };
            if (max == 0)
            {
                error = $"unknown argument '{args[i]}'. {Usage}";
                return false;
            }

            if (i + 1 >= args.Count
                || !int.TryParse(args[i + 1].Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < min || value > max)
            {
                error = $"{args[i]} needs a whole number from {min} to {max}. {Usage}";
                return false;
            }

            options = args[i] switch
            {
                "--records" => options with { Records = value },
                "--chains" => options with { Chains = value },
                _ => options with { Parallel = value },
            };
            i++;
        }

        return true;
    }
}
