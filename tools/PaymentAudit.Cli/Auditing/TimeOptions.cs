using System.CommandLine;
using PaymentAudit.Auditing.Output;
using PaymentAudit.Core.Validation;

namespace PaymentAudit.Cli.Auditing;

/// <summary>The <c>--from</c> and <c>--to</c> options of the queries.</summary>
public sealed class TimeOptions
{
    private readonly Option<string?> _from;
    private readonly Option<string?> _to;

    /// <summary>Creates the pair; <paramref name="required"/> makes both mandatory.</summary>
    public TimeOptions(bool required)
    {
        _from = new("--from") { Description = "Start of the window: RFC 3339 (2026-11-23T09:00:00Z), a date, 'now', or relative (-7d, -12h).", Required = required };
        _to = new("--to") { Description = "End of the window, same forms. Default now.", Required = required };
        foreach (var option in new[] { _from, _to })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string?>() is { } text && !TimeArgument.TryParse(text, DateTimeOffset.UtcNow, out _, out var problem))
                {
                    result.AddError($"{option.Name}: {problem}.");
                }
            });
        }
    }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_from);
        command.Options.Add(_to);
    }

    /// <summary>The window as sortable UTC strings (null: open on that side).</summary>
    public (string? From, string? To) Read(ParseResult parsed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return (Sortable(parsed.GetValue(_from), now), Sortable(parsed.GetValue(_to), now));
    }

    private static string? Sortable(string? text, DateTimeOffset now) =>
        text is not null && TimeArgument.TryParse(text, now, out var value, out _) ? Rfc3339.ToSortable(value.UtcDateTime) : null;
}
