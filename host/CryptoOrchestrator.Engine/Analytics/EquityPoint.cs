namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>The account's equity at the close of one bar.</summary>
/// <param name="Time">Unix epoch ms (the bar's close time).</param>
/// <param name="Equity">Cash plus positions marked to market, in the quote asset.</param>
public readonly record struct EquityPoint(long Time, decimal Equity);
