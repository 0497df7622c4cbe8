using System.Diagnostics;
using System.Globalization;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// The <see cref="IExchangeEvents"/> the suite hands an adapter. Adapters report from any thread (socket readers,
/// timers), so every call is recorded under a lock, and waiters are woken by each new entry. Beside the adapter's
/// reports it keeps the transcript of the case: the suite's calls, the venue's actions and the adapter's log lines.
/// </summary>
internal sealed class ExchangeEventLog : IExchangeEvents
{
    private readonly Lock _gate = new();
    private readonly List<ReportedEvent> _events = [];
    private readonly List<string> _transcript = [];
    private readonly long _started = Stopwatch.GetTimestamp();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnOrderStatus(ClientOrderId id, OrderStatus status, string? reason) => Add(ReportedEvent.StatusOf(id, status, reason));

    public void OnFill(in Fill fill) => Add(ReportedEvent.FillOf(fill));

    /// <summary>Adds a line to the transcript that is not an adapter report: what the suite or the venue did, or a log line.</summary>
    public void Note(string line) => Append(null, line);

    /// <summary>The adapter's reports so far, in order.</summary>
    public IReadOnlyList<ReportedEvent> Events()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>The case so far, one timed line per entry.</summary>
    public IReadOnlyList<string> Transcript()
    {
        lock (_gate)
        {
            return [.. _transcript];
        }
    }

    /// <summary>Waits until the reports satisfy <paramref name="condition"/>; false when <paramref name="timeout"/> passes first.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<ReportedEvent>, bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_events))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(remaining).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    private void Add(ReportedEvent reported) => Append(reported, reported.ToString());

    private void Append(ReportedEvent? reported, string line)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (reported is not null)
            {
                _events.Add(reported);
            }

            var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            _transcript.Add(string.Create(CultureInfo.InvariantCulture, $"+{elapsed:0.000}s {line}"));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
