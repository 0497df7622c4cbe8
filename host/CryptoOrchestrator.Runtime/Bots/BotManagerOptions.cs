using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Durability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>How a <see cref="BotManager"/> runs its bots.</summary>
public sealed record BotManagerOptions
{
    /// <summary>Relative feed files are resolved against this folder.</summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Where replayed CSV files keep their binary caches; beside each file when null.</summary>
    public string? BarCacheDirectory { get; init; }

    /// <summary>Market events a bot may have queued before its feed waits for it.</summary>
    public int InputCapacity { get; init; } = 1_024;

    /// <summary>
    /// Bot events that may wait for the event bus. The bot's thread never waits for the bus: its feed is held
    /// back once half of this is queued, and an event that finds the buffer full is dropped and counted.
    /// </summary>
    public int EventBufferCapacity { get; init; } = 65_536;

    /// <summary>How long a stop waits for the last events to reach the bus.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock feeds are paced by.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where bots, their status and everything they trade are kept; null keeps nothing. With a store, every order is
    /// journaled before it is sent, and <see cref="BotManager.RestoreAsync"/> brings the bots back after a restart.
    /// </summary>
    public IStore? Store { get; init; }

    /// <summary>
    /// False on a node that serves the API beside the one that runs the bots (the host's <c>Bots:Run=false</c>): it
    /// creates, starts, resumes and restores none (<see cref="BotsNotRunHereException"/>).
    /// </summary>
    public bool RunsBots { get; init; } = true;

    /// <summary>
    /// Where the bots' states and their instruments' latest closes are kept for API nodes that do not run them (Redis
    /// when configured); null keeps none.
    /// </summary>
    public ILatestStateCache? LatestState { get; init; }

    /// <summary>How often a running bot's journal commits when it has no order to send.</summary>
    public JournalOptions Journal { get; init; } = new();

    /// <summary>Logging for the manager, its bots and their plugins.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
