namespace CryptoOrchestrator.Api.Backtests;

/// <summary>A seeded synthetic bar series for a backtest: the same seed gives the same bars.</summary>
/// <param name="Bars">How many bars.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="IntervalMs">The bar interval in milliseconds.</param>
/// <param name="StartPrice">The first price.</param>
public sealed record SyntheticSeries(int Bars = 1_000, int Seed = 1, long IntervalMs = 60_000, decimal StartPrice = 100m);
