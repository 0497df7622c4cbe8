namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>One strategy's ledger within its bot: what its own orders earned and hold.</summary>
internal sealed record StrategyPerformance(
    string PluginId, decimal Cash, decimal Equity, decimal RealizedPnl, decimal UnrealizedPnl, decimal TotalFees, IReadOnlyList<StrategyPosition> Positions);
