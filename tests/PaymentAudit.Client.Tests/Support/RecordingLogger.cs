using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaymentAudit.Client.Tests.Support;

/// <summary>Keeps every formatted log line, so tests can check what the trail logs and what it never logs.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue((logLevel, formatter(state, exception)));
    }
}
