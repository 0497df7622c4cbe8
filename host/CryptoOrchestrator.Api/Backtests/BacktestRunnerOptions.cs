namespace CryptoOrchestrator.Api.Backtests;

/// <summary>How the <see cref="BacktestRunner"/> runs.</summary>
/// <param name="DataDirectory">The full path of the folder backtest files are read from.</param>
/// <param name="MaxConcurrent">Backtests at once.</param>
/// <param name="Retained">Finished backtests kept.</param>
public sealed record BacktestRunnerOptions(string DataDirectory, int MaxConcurrent, int Retained);
