using System.Collections;
using System.Globalization;

namespace PaymentAudit.Storage.Configuration;

/// <summary>
/// Reads a function's settings from environment variables and collects every problem, so a
/// function that is misconfigured stops at start with one message naming each wrong variable.
/// </summary>
public sealed class EnvironmentReader
{
    private readonly IDictionary _variables;
    private readonly List<string> _problems = [];

    /// <summary>Creates a reader over <paramref name="variables"/> (usually <c>Environment.GetEnvironmentVariables()</c>).</summary>
    public EnvironmentReader(IDictionary variables) => _variables = variables ?? throw new ArgumentNullException(nameof(variables));

    /// <summary>Everything found wrong so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>A required text setting; records a problem (with <paramref name="meaning"/>) when it is missing.</summary>
    public string Required(string name, string meaning)
    {
        if (Optional(name) is { } value)
        {
            return value;
        }

        _problems.Add($"{name} is required ({meaning})");
        return string.Empty;
    }

    /// <summary>
    /// A required text setting that must also satisfy <paramref name="isValid"/>; records a problem
    /// (with <paramref name="meaning"/>, or <paramref name="expectation"/> and the value) otherwise.
    /// </summary>
    public string Required(string name, string meaning, Func<string, bool> isValid, string expectation)
    {
        ArgumentNullException.ThrowIfNull(isValid);
        var value = Required(name, meaning);
        if (value.Length > 0 && !isValid(value))
        {
            _problems.Add($"{name} must be {expectation}, not '{value}'");
        }

        return value;
    }

    /// <summary>An optional text setting, trimmed; null when unset or blank.</summary>
    public string? Optional(string name) => _variables[name] is string { Length: > 0 } value && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>An optional whole number within <paramref name="min"/>..<paramref name="max"/>; <paramref name="fallback"/> when unset.</summary>
    public int WholeNumber(string name, int fallback, int min, int max, string unit)
    {
        if (Optional(name) is not { } raw)
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        _problems.Add($"{name} must be a whole number of {unit} from {min} to {max}, not '{raw}'");
        return fallback;
    }

    /// <summary>A required whole number within <paramref name="min"/>..<paramref name="max"/>; records a problem (with <paramref name="meaning"/>) when it is missing.</summary>
    public int RequiredWholeNumber(string name, string meaning, int min, int max, string unit)
    {
        if (Optional(name) is null)
        {
            _problems.Add($"{name} is required ({meaning})");
            return min;
        }

        return WholeNumber(name, min, min, max, unit);
    }

    /// <summary>An optional absolute http(s) URL (emulator endpoints); null when unset.</summary>
    public Uri? Url(string name)
    {
        if (Optional(name) is not { } raw)
        {
            return null;
        }

        if (Uri.TryCreate(raw, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        _problems.Add($"{name} must be an absolute http(s) URL, not '{raw}'");
        return null;
    }

    /// <summary>Throws <paramref name="failure"/>'s exception listing every problem, if there is any.</summary>
    public void ThrowIfInvalid(string component, Func<string, Exception> failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (_problems.Count > 0)
        {
            throw failure($"{component} configuration is invalid: {string.Join("; ", _problems)}.");
        }
    }
}
