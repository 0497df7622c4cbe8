using System.Diagnostics.Metrics;
using CryptoOrchestrator.Runtime;

namespace CryptoOrchestrator.Host.Bench;

/// <summary>
/// Every <c>co_event_to_order_seconds</c> measurement of one bot, as the metric records it, kept in an array sized
/// up front: listening allocates nothing on the bot's thread. Measurements beyond the capacity are counted, not kept.
/// </summary>
internal sealed class LatencySamples : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _botId;
    private readonly double[] _seconds;
    private int _count;

    public LatencySamples(string botId, int capacity)
    {
        _botId = botId;
        _seconds = new double[capacity];
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // By name: the instrument may be published while OrchestratorMetrics is still being initialised.
            if (instrument.Meter.Name == OrchestratorMetrics.MeterName && instrument.Name == OrchestratorMetrics.EventToOrderSecondsName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Measurements seen so far, kept or not.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The kept measurements after the first <paramref name="skip"/>, in seconds, sorted.</summary>
    public double[] SortedAfter(int skip)
    {
        var kept = _seconds.AsSpan(0, Math.Min(Count, _seconds.Length));
        var measured = kept[Math.Min(skip, kept.Length)..].ToArray();
        Array.Sort(measured);
        return measured;
    }

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "bot" && tag.Value is string bot && bot == _botId)
            {
                var index = Interlocked.Increment(ref _count) - 1;
                if (index < _seconds.Length)
                {
                    _seconds[index] = seconds;
                }

                return;
            }
        }
    }
}
