using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// How a <see cref="StrategyHarness"/> sets up the account, the simulated venue and the plugins around the
/// strategy. Every default is the engine's own, except the sizer, which goes all in.
/// </summary>
public sealed record HarnessOptions
{
    /// <summary>BTCUSDT with a 0.01 price tick, a 0.00001 lot and no minimum notional: the default instrument.</summary>
    public static Instrument DefaultInstrument { get; } =
        new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.00001m), 0m);

    /// <summary>The instruments the strategy may trade; the first is <see cref="StrategyHarness.Instrument"/>. Default: <see cref="DefaultInstrument"/>.</summary>
    public IReadOnlyList<Instrument> Instruments { get; init; } = [DefaultInstrument];

    /// <summary>Starting cash in the quote asset.</summary>
    public decimal InitialCash { get; init; } = 10_000m;

    /// <summary>Taker fee as a fraction of the notional, e.g. 0.001 for 0.1%; charged on every fill, rounded up to 10^-8.</summary>
    public decimal Commission { get; init; }

    /// <summary>Maker fee as a fraction of the notional (negative for a rebate); null charges <see cref="Commission"/>, as the command line does.</summary>
    public decimal? MakerCommission { get; init; }

    /// <summary>When market orders fill: the next bar's open (default) or the signal bar's close.</summary>
    public FillTiming FillTiming { get; init; } = FillTiming.NextOpen;

    /// <summary>How taker prices slip and how much a bar can fill; null is none.</summary>
    public ISlippageModel? Slippage { get; init; }

    /// <summary>
    /// The strategy's parameters as invariant text (<c>["fast"] = "5"</c>), parsed and range-checked against its
    /// metadata exactly as <c>--param fast=5</c> is: an unknown name, a wrong type or a value out of range throws
    /// <see cref="Engine.Configuration.PluginConfigurationException"/> naming the plugin and the parameter.
    /// Parameters not given take their declared defaults.
    /// </summary>
    public Dictionary<string, string> Parameters { get; init; } = new();

    /// <summary>Turns signals into positions; null commits all the equity at full exposure (a fixed fraction of 1, fee included).</summary>
    public IPositionSizer? Sizer { get; init; }

    /// <summary>Checked in order on every order, initialised with their declared defaults; a rejection shows in <see cref="StrategyHarness.Rejections"/>.</summary>
    public IReadOnlyList<IRiskRule> RiskRules { get; init; } = [];

    /// <summary>
    /// Models the strategy reaches through <c>context.GetModel(id)</c>, by their metadata id. A model already set up by a
    /// <see cref="ModelHarness"/> is used as it is; any other is initialised with its declared defaults, as the host would.
    /// </summary>
    public IReadOnlyList<IModel> Models { get; init; } = [];

    /// <summary>How a new entry treats an open position: netting (default) or exclusive.</summary>
    public PositionMode PositionMode { get; init; } = PositionMode.Netting;

    /// <summary>Seeds every plugin's <c>context.Random</c>; the same seed gives the same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Where plugin loggers write; null discards what they log.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }
}
