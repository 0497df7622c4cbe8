using Microsoft.CodeAnalysis;

namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>The diagnostics the SDK's analyzers report. Every rule is a warning, so warnings-as-errors builds fail on it.</summary>
internal static class Rules
{
    public const string WallClockId = "CO1001";
    public const string RandomnessId = "CO1002";
    public const string BlockingWaitId = "CO1003";
    public const string StrategyIoId = "CO1004";

    public static readonly DiagnosticDescriptor WallClock = new(
        WallClockId,
        title: "Plugin reads the wall clock",
        messageFormat: "'{0}' reads the wall clock; use the context's Clock (IPluginContext.Clock: NowMs or UtcNow), which is the simulated time in a backtest",
        category: "Determinism",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A backtest replays history much faster than real time, so plugin code must see the time of the event being processed. "
            + "Reading the machine's clock makes results depend on when and how fast the backtest ran, and makes a backtest behave differently from live trading. "
            + "IPluginContext.Clock is the simulated time in a backtest and the wall clock live.");

    public static readonly DiagnosticDescriptor Randomness = new(
        RandomnessId,
        title: "Plugin uses unseeded or shared randomness",
        messageFormat: "'{0}' {1}; use the context's Random (IPluginContext.Random), seeded from the run's seed and the plugin's id",
        category: "Determinism",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A backtest must give the same result every time it runs with the same seed. "
            + "Unseeded generators, the process-wide Random.Shared, a static Random shared by every instance, the cryptographic generator and new GUIDs all differ from run to run. "
            + "IPluginContext.Random is seeded from the run's seed and the plugin's id, so each plugin draws a repeatable sequence of its own.");

    public static readonly DiagnosticDescriptor BlockingWait = new(
        BlockingWaitId,
        title: "Plugin blocks the calling thread",
        messageFormat: "'{0}' blocks the calling thread; a plugin callback must return promptly, and the watchdog quarantines slow callbacks",
        category: "Responsiveness",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "The host calls plugins on its event loop, one event after another. "
            + "A callback that sleeps or waits for a task stalls every plugin behind it, and a backtest cannot fast-forward through a sleep. "
            + "The host's watchdog quarantines a plugin whose callbacks run too long.");

    public static readonly DiagnosticDescriptor StrategyIo = new(
        StrategyIoId,
        title: "Strategy does network or file I/O",
        messageFormat: "'{0}' does network or file I/O from a strategy; strategies get data through events and the context, and keep state through IStateStore or IStatefulPlugin",
        category: "Isolation",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A strategy that fetches data or reads files sees something a backtest cannot replay, so its results cannot be reproduced, and it stalls the event loop while it waits. "
            + "Market data reaches a strategy through its events, models and the portfolio through its context, and state that must survive a reload goes through IStateStore or IStatefulPlugin. "
            + "Exchange adapters are exempt: I/O is their job.");
}
