namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A strategy's signed quantity in one instrument.</summary>
internal sealed record StrategyPosition(string Symbol, decimal Quantity);
