namespace CryptoOrchestrator.Host.Cli;

/// <summary>Everything <c>orchestrator backtest</c> was asked to do, with the defaults filled in.</summary>
internal sealed record BacktestSettings
{
    public string Strategy { get; init; } = "sma-crossover";

    /// <summary>The CSV or cache file; the bundled BTCUSDT hourly candles when not given.</summary>
    public string Data { get; init; } = DefaultData;

    public string? Symbol { get; init; }

    public decimal Cash { get; init; } = 10_000m;

    public decimal Commission { get; init; } = 0.001m;

    public decimal? MakerCommission { get; init; }

    public decimal FixedFee { get; init; }

    public string Fill { get; init; } = "next-open";

    public string Sizing { get; init; } = "fraction:1";

    public string Slippage { get; init; } = "none";

    public string Mode { get; init; } = "netting";

    public string Execution { get; init; } = "direct";

    public IReadOnlyList<string> Parameters { get; init; } = [];

    public int Seed { get; init; } = 1;

    public string Gaps { get; init; } = "warn";

    public string? Out { get; init; }

    public string PluginsDirectory { get; init; } = DefaultPlugins;

    /// <summary>The plugin status file; null for the one beside the plugins folder. A disabled plugin does not run.</summary>
    public string? StateFile { get; init; }

    public decimal? TickSize { get; init; }

    public decimal? LotSize { get; init; }

    public decimal MinNotional { get; init; }

    public static string DefaultData => Path.Combine(AppContext.BaseDirectory, "data", "BTCUSDT-1h.csv");

    public static string DefaultPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");
}
