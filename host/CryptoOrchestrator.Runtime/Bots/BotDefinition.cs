using CryptoOrchestrator.Engine.Pipeline;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// Everything an operator says about a bot: what it runs, on what, with which account, limits and
/// sizing, in which mode and on which market data. Bound from configuration (the host's <c>Bots</c>
/// section) or sent to the API; <see cref="BotManager.Create"/> checks it and names every field at fault.
/// </summary>
public sealed record BotDefinition
{
    /// <summary>Unique key of the bot: letters, digits, '-' and '_' (at most 64).</summary>
    public string Id { get; init; } = "";

    /// <summary>A name for people; the id when empty.</summary>
    public string Name { get; init; } = "";

    /// <summary>The strategies and their say in fusion; at least one.</summary>
    public IReadOnlyList<StrategyDefinition> Strategies { get; init; } = [];

    /// <summary>The symbols it trades (e.g. BTCUSDT); at least one.</summary>
    public IReadOnlyList<string> Instruments { get; init; } = [];

    /// <summary>The exchange account it trades through; a paper bot only records the name.</summary>
    public string ExchangeAccount { get; init; } = "paper";

    /// <summary>Its risk limits.</summary>
    public RiskDefinition Risk { get; init; } = new();

    /// <summary>How signals become positions, in the sizing syntax of the backtest CLI (<see cref="SizingSpec.Help"/>).</summary>
    public string Sizing { get; init; } = "fraction:1";

    /// <summary>Paper (simulated fills on the feed's bars); live trading is not available yet.</summary>
    public BotMode Mode { get; init; } = BotMode.Paper;

    /// <summary>The market data it trades on.</summary>
    public FeedDefinition Feed { get; init; } = new();

    /// <summary>The paper exchange's fees, slippage and fill timing.</summary>
    public PaperExchangeDefinition Paper { get; init; } = new();

    /// <summary>Starting cash in the quote asset.</summary>
    public decimal InitialCash { get; init; } = 10_000m;

    /// <summary>What a strategy that throws does: halt the bot (the default) or carry on without it.</summary>
    public FaultPolicy FaultPolicy { get; init; } = FaultPolicy.Halt;

    /// <summary>Seeds the plugins' random sources.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The name shown to people: <see cref="Name"/>, or the id when it is empty.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
