using System.Globalization;
using System.Text.Json;

namespace PaymentAudit.Core.Validation;

/// <summary>
/// The card brands' issuer ranges and PAN lengths, read once from the embedded
/// <c>card-iin-ranges.json</c>. Every range is widened to eight-digit prefixes (the IIN length of
/// ISO/IEC 7812-1:2017), so a number is looked up by its first eight digits.
/// </summary>
internal sealed class IssuerRanges
{
    /// <summary>Name of the embedded table.</summary>
    public const string ResourceName = "PaymentAudit.Core.card-iin-ranges.json";

    private const int PrefixDigits = 8;

    private readonly Range[] _ranges;

    private IssuerRanges(Range[] ranges, IReadOnlyList<IssuerBrand> brands)
    {
        _ranges = ranges;
        Brands = brands;
    }

    /// <summary>The table shipped with this release.</summary>
    public static IssuerRanges Default { get; } = Load();

    /// <summary>The brands as the table lists them.</summary>
    public IReadOnlyList<IssuerBrand> Brands { get; }

    /// <summary>
    /// True when a brand issues numbers of <paramref name="length"/> digits starting with
    /// <paramref name="prefix"/>, the number's first eight digits.
    /// </summary>
    public bool Matches(int prefix, int length)
    {
        var bit = 1 << length;
        foreach (var range in _ranges)
        {
            if (prefix >= range.Low && prefix <= range.High && (range.Lengths & bit) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a table; throws <see cref="InvalidOperationException"/> naming the brand whose entry is malformed.</summary>
    internal static IssuerRanges Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var ranges = new List<Range>();
        var brands = new List<IssuerBrand>();
        foreach (var entry in document.RootElement.GetProperty("brands").EnumerateArray())
        {
            var brand = entry.GetProperty("brand").GetString() ?? throw new InvalidOperationException("A card brand entry has no name.");
            var lengths = entry.GetProperty("lengths").EnumerateArray().Select(l => l.GetInt32()).ToArray();
            var prefixes = entry.GetProperty("ranges").EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToArray();
            if (lengths.Length == 0 || lengths.Any(l => l is < CardNumberDetector.MinDigits or > CardNumberDetector.MaxDigits))
            {
                throw new InvalidOperationException($"Card brand '{brand}': lengths must be {CardNumberDetector.MinDigits}-{CardNumberDetector.MaxDigits} digits.");
            }

            var mask = lengths.Aggregate(0, (bits, l) => bits | (1 << l));
            foreach (var prefix in prefixes)
            {
                ranges.Add(ParseRange(brand, prefix, mask));
            }

            brands.Add(new IssuerBrand(brand, prefixes, lengths));
        }

        return new IssuerRanges([.. ranges], brands);
    }

    private static IssuerRanges Load()
    {
        using var stream = typeof(IssuerRanges).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded card issuer table '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static Range ParseRange(string brand, string text, int lengths)
    {
        var parts = text.Split('-');
        var valid = parts.Length is 1 or 2
            && parts.All(p => p.Length is >= 1 and <= PrefixDigits && p.All(char.IsAsciiDigit))
            && parts[0].Length == parts[^1].Length
            && string.CompareOrdinal(parts[0], parts[^1]) <= 0;
        if (!valid)
        {
            throw new InvalidOperationException(
                $"Card brand '{brand}': range '{text}' must be a prefix or 'low-high' of equal-length prefixes of at most {PrefixDigits} digits.");
        }

        var low = parts[0].PadRight(PrefixDigits, '0');
        var high = parts[^1].PadRight(PrefixDigits, '9');
        return new Range(int.Parse(low, CultureInfo.InvariantCulture), int.Parse(high, CultureInfo.InvariantCulture), lengths);
    }

    private readonly record struct Range(int Low, int High, int Lengths);
}
