using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Fusion;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>Everything a pipeline is built from: plugins, account and venue settings.</summary>
public sealed record PipelineSetup
{
    /// <summary>The strategies, in the order they see each event.</summary>
    public required IReadOnlyList<StrategyRegistration> Strategies { get; init; }

    /// <summary>Turns target exposures into positions.</summary>
    public required IPositionSizer Sizer { get; init; }

    /// <summary>Combines the strategies' signals per instrument.</summary>
    public ISignalFusion Fusion { get; init; } = new ConfidenceWeightedFusion();

    /// <summary>Creates the algorithm that works each order sized from signals; null sends sized orders straight to the router.</summary>
    public Func<IExecutionAlgorithm>? Execution { get; init; }

    /// <summary>Checked in order on every order; the first rejection wins.</summary>
    public IReadOnlyList<IRiskRule> RiskRules { get; init; } = [];

    /// <summary>
    /// Models strategies may ask for by id, already initialised: a model may load weights and be shared by
    /// several pipelines, so whoever builds the setup (a host, the test kit) initialises it once.
    /// </summary>
    public IReadOnlyDictionary<string, IModel> Models { get; init; } = new Dictionary<string, IModel>();

    /// <summary>Fill timing, fees and slippage of the simulated venue.</summary>
    public SimulatedExchangeOptions Exchange { get; init; } = new();

    /// <summary>Starting cash in the quote asset.</summary>
    public decimal InitialCash { get; init; } = 10_000m;

    /// <summary>How new entries treat an open position.</summary>
    public PositionMode PositionMode { get; init; } = PositionMode.Netting;

    /// <summary>Seeds every plugin's random source; same seed, same run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Bars in the return window sizers see as volatility.</summary>
    public int VolatilityLookback { get; init; } = 30;

    /// <summary>Bars per year, for annualising; derived from the data's interval when null (crypto trades every day).</summary>
    public double? PeriodsPerYear { get; init; }

    /// <summary>Where plugin loggers write.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>What a strategy that throws does to the run; halting by default, as a backtest should.</summary>
    public FaultPolicy FaultPolicy { get; init; } = FaultPolicy.Halt;

    /// <summary>Bars kept per instrument to re-feed a strategy swapped in without state handoff; 0 keeps none, at no cost.</summary>
    public int HistoryDepth { get; init; }

    /// <summary>
    /// Hears, on the pipeline thread, of every strategy fault the pipeline contains (under
    /// <see cref="FaultPolicy.ContinueWithout"/>) and of a swapped-out instance whose Dispose threw. It runs in
    /// the middle of an event: it should record and return, leaving any swap for between events.
    /// </summary>
    public Action<PluginFault>? FaultObserver { get; init; }

    /// <summary>
    /// 0 (the default) keeps the whole equity curve, one point per bar, as a backtest reports it. A positive (even) number
    /// bounds the performance tracker for a run without end: statistics of every bar, the curve sampled in at most this
    /// many points (<see cref="Analytics.PerformanceTracker.Bounded"/>).
    /// </summary>
    public int MaxEquityPoints { get; init; }

    /// <summary>
    /// Makes progress durable before orders are sent and after time steps (<see cref="IStepJournal"/>); null, the
    /// default, journals nothing at no cost. It hears of orders and fills as a sink of <see cref="TradingPipeline.Events"/>.
    /// </summary>
    public IStepJournal? Journal { get; init; }
}
