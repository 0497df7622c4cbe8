using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>One bar for one instrument, as a bot receives it.</summary>
/// <param name="Instrument">What the bar is of; one of the bot's instruments.</param>
/// <param name="Bar">The closed bar.</param>
public readonly record struct MarketEvent(Instrument Instrument, Bar Bar)
{
    /// <summary>
    /// True for the last (or only) bar of a time step. Bars of several instruments that open together are
    /// posted with this false on all but the last, and processed as one step when it arrives.
    /// </summary>
    public bool EndsStep { get; init; } = true;

    /// <summary>
    /// When the bar was handed to the bot (a <see cref="System.Diagnostics.Stopwatch"/> timestamp; 0 when unknown):
    /// where the event-to-order latency starts. A step is timed from its last bar, the one that lets it be processed.
    /// </summary>
    public long HandedAt { get; init; }
}
