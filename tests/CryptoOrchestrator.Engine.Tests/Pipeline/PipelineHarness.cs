using CryptoOrchestrator.Engine.Backtesting;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

/// <summary>Builds pipeline setups for tests with a sensible default for everything not under test.</summary>
internal static class PipelineHarness
{
    public static readonly Instrument Btc = new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 5m);

    public static PipelineSetup Setup(IStrategy strategy, IPositionSizer? sizer = null, SimulatedExchangeOptions? exchange = null) => new()
    {
        Strategies = [new StrategyRegistration(strategy, ParameterSet.Defaults(strategy.Metadata))],
        Sizer = sizer ?? new FixedQuantitySizer(Quantity.FromWhole(1)),
        Exchange = exchange ?? new SimulatedExchangeOptions(),
        InitialCash = 10_000m,
    };

    public static BacktestResult Run(PipelineSetup setup, BarSeries series) => Backtest.Run(setup, [series]);
}
