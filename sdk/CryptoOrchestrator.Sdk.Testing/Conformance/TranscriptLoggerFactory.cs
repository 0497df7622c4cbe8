using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>Writes what an adapter logs into the case transcript, so a failure shows the adapter's own account of it.</summary>
internal sealed class TranscriptLoggerFactory(ExchangeEventLog log) : ILoggerFactory, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
        // Everything goes to the transcript; other providers have no place in a conformance case.
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (IsEnabled(logLevel))
        {
            var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            log.Note($"adapter log {logLevel}: {formatter(state, exception)}{error}");
        }
    }

    public void Dispose()
    {
        // Nothing is held: the transcript belongs to the case.
    }
}
