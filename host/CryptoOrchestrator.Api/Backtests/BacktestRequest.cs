namespace CryptoOrchestrator.Api.Backtests;

/// <summary>
/// The body of POST /api/backtests: one strategy on one instrument, over a CSV under <c>Api:DataDirectory</c>
/// (<see cref="File"/>) or a seeded synthetic series (<see cref="Synthetic"/>), exactly one of the two.
/// </summary>
/// <param name="PluginId">An installed strategy.</param>
/// <param name="Parameters">Its parameters by name, as text; defaults for the rest.</param>
/// <param name="Symbol">The instrument (e.g. BTCUSDT); for a file, by default the file name before its first '-'.</param>
/// <param name="File">A CSV path relative to the data folder.</param>
/// <param name="Synthetic">A synthetic series instead of a file.</param>
/// <param name="InitialCash">Starting cash in the quote asset.</param>
/// <param name="Sizing">The sizing syntax of bots and the CLI (fraction:1, fixed:0.5, vol-target:0.2).</param>
/// <param name="FillAtClose">Fill at the signal bar's close instead of the next bar's open.</param>
public sealed record BacktestRequest(
    string? PluginId,
    IReadOnlyDictionary<string, string>? Parameters,
    string? Symbol,
    string? File,
    SyntheticSeries? Synthetic,
    decimal InitialCash = 10_000m,
    string Sizing = "fraction:1",
    bool FillAtClose = false);
