using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaymentAudit.Core.Contract;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Core.Tests.Support.CardCorpus;

/// <summary>
/// Runs the guard over the corpus the way the writer meets each payload, and judges the outcome
/// with a reading of its own (escapes decoded, digits of every script, everything else dropped)
/// rather than the detector's.
/// </summary>
public static partial class CardCorpusMeasurement
{
    /// <summary>
    /// A card number is caught when the detector finds it and nothing that would be stored (the
    /// accepted event, or the masked payload of a rejected one) nor the rejection reason still
    /// shows its digits but the last four; an accepted event must list its redactions. In the
    /// event id or as a JSON number it must be refused as <c>forbidden_content</c>. A group id is
    /// checked by the detector alone (the writer calls it). An identifier is a false positive when
    /// its event is masked or refused as <c>forbidden_content</c>.
    /// </summary>
    public static CardCorpusReport Run(IReadOnlyList<CardSample> samples, AuditEventValidator validator)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(validator);
        var figures = new List<CardCorpusFigure>();
        var misses = new List<CardSample>();
        foreach (var category in samples.GroupBy(s => (s.Category, s.Kind)))
        {
            var hits = 0;
            foreach (var sample in category)
            {
                var hit = sample.Kind == CardCorpusKind.Pan ? Caught(sample, validator) : Flagged(sample, validator);
                hits += hit ? 1 : 0;
                if (hit != (sample.Kind == CardCorpusKind.Pan))
                {
                    misses.Add(sample);
                }
            }

            figures.Add(new CardCorpusFigure(category.Key.Category, category.Key.Kind, category.Count(), hits));
        }

        return new CardCorpusReport(figures, misses);
    }

    /// <summary>True when <paramref name="text"/> still shows <paramref name="pan"/> but its last four digits.</summary>
    public static bool Retains(string text, string pan)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(pan);
        var decoded = Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        var digits = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
            {
                digits.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
            }
        }

        return digits.ToString().Contains(pan[..^4], StringComparison.Ordinal);
    }

    private static bool Caught(CardSample sample, AuditEventValidator validator)
    {
        if (!CardNumberDetector.ContainsCardNumber(sample.Payload))
        {
            return false;
        }

        if (sample.IsGroupId)
        {
            return true;
        }

        var result = validator.Validate(sample.Payload);
        if (sample.MustBeRefused)
        {
            return !result.IsValid && result.Rejection.Code == RejectionCode.ForbiddenContent && !Retains(result.Rejection.Reason, sample.Digits);
        }

        var stored = result.IsValid ? JsonSerializer.Serialize(result.Event, AuditEventJsonContext.Default.AuditEvent) : CardNumberDetector.Mask(sample.Payload).Masked;
        return !Retains(stored, sample.Digits)
            && !Retains(result.Rejection?.Reason ?? string.Empty, sample.Digits)
            && (!result.IsValid || result.Redactions.Count > 0);
    }

    private static bool Flagged(CardSample sample, AuditEventValidator validator)
    {
        var result = validator.Validate(sample.Payload);
        if (result.IsValid)
        {
            return result.Redactions.Count > 0;
        }

        return result.Rejection.Code == RejectionCode.ForbiddenContent
            ? true
            : throw new InvalidOperationException($"The corpus built an invalid event for '{sample.Category}': {result.Rejection}");
    }

    [GeneratedRegex(@"\\+u([0-9a-fA-F]{4})")]
    private static partial Regex Escape();
}
