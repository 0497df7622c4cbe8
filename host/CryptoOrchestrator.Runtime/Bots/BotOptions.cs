using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>What a bot runs and how it treats a failing plugin.</summary>
public sealed record BotOptions
{
    /// <summary>Names the bot in statuses, logs and its thread.</summary>
    public required string Name { get; init; }

    /// <summary>The strategies, from the host's plugins.</summary>
    public required IReadOnlyList<BotStrategy> Strategies { get; init; }

    /// <summary>The instruments it trades; every event must be for one of them.</summary>
    public required IReadOnlyList<Instrument> Instruments { get; init; }

    /// <summary>
    /// Everything else about the pipeline (sizer, fusion, risk, exchange, cash). Its strategies, fault
    /// policy and history depth are replaced by the bot's own.
    /// </summary>
    public required PipelineSetup Pipeline { get; init; }

    /// <summary>On a plugin fault: halt the bot, or quarantine the plugin and carry on without it.</summary>
    public FaultPolicy FaultPolicy { get; init; } = FaultPolicy.Halt;

    /// <summary>How long one plugin callback may run before the watchdog quarantines the plugin.</summary>
    public TimeSpan CallbackBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Events that may wait in the bot's queue; null for no limit. A feed posting with
    /// <see cref="Bot.PostAsync"/> waits when the queue is full, so it never runs far ahead of the bot.
    /// </summary>
    public int? InputCapacity { get; init; }

    /// <summary>Bars per instrument kept to restart a strategy warm when it cannot hand its state over.</summary>
    public int HistoryDepth { get; init; } = 1_000;
}
