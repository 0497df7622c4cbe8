using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>Every event a pipeline publishes, in order, so that two runs can be compared event for event.</summary>
internal sealed class EventLog : IEngineEventSink
{
    public List<(string Owner, OrderSnapshot Order)> Orders { get; } = [];

    public List<(string Owner, Fill Fill)> Fills { get; } = [];

    public List<(string Owner, ClosedTrade Trade)> Trades { get; } = [];

    public List<(string Strategy, Signal Signal)> Signals { get; } = [];

    public List<(long Time, decimal Equity)> Equity { get; } = [];

    public void OnOrderUpdate(string ownerId, in OrderSnapshot order) => Orders.Add((ownerId, order));

    public void OnFill(string ownerId, in Fill fill) => Fills.Add((ownerId, fill));

    public void OnTradeClosed(string ownerId, in ClosedTrade trade) => Trades.Add((ownerId, trade));

    public void OnSignal(string strategyId, in Signal signal) => Signals.Add((strategyId, signal));

    public void OnEquity(long time, decimal equity) => Equity.Add((time, equity));
}
