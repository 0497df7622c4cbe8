using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// Runs one strategy through the real engine pipeline (sizing, risk rules, order manager, simulated exchange,
/// portfolio, analytics) with no host. Feed it bars, trades or a data file, then assert on what happened.
/// </summary>
/// <remarks>
/// Each bar is one live step, exactly as in a backtest: resting orders are matched against it, then it closes
/// (the portfolio is marked, the strategy's OnBar runs, its signals are sized and its orders sent) and equity is
/// recorded. With the default <see cref="FillTiming.NextOpen"/> a market order placed on a bar fills at the next
/// bar's open. A trade is handled as a one-price bar that records no equity point (see
/// <see cref="TradingPipeline.ProcessTrade"/>). A strategy that throws stops the harness with a
/// <see cref="PluginFaultException"/> naming it and the call, as it would stop a backtest.
/// </remarks>
public sealed class StrategyHarness
{
    private readonly TradingPipeline _pipeline;
    private readonly HarnessRecorder _recorder;
    private readonly Instrument[] _instruments;
    private Price _firstClose;
    private Price _lastClose;
    private (Instrument Instrument, long OpenTime)? _lastBar;

    /// <summary>Builds the pipeline around <paramref name="strategy"/> (a fresh instance) and initialises every plugin.</summary>
    /// <exception cref="PluginConfigurationException">A parameter in <see cref="HarnessOptions.Parameters"/> is unknown, of the wrong type or out of range.</exception>
    public StrategyHarness(IStrategy strategy, HarnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        options ??= new HarnessOptions();
        if (options.Instruments is not { Count: > 0 })
        {
            throw new ArgumentException("HarnessOptions.Instruments needs at least one instrument.", nameof(options));
        }

        _instruments = [.. options.Instruments];
        var modelClock = new ForwardingClock();
        var setup = new PipelineSetup
        {
            Strategies = [new StrategyRegistration(strategy, new ParameterSet(strategy.Metadata, options.Parameters))],
            Sizer = options.Sizer ?? new FixedFractionSizer(1m),
            RiskRules = options.RiskRules,
            Models = PrepareModels(options, modelClock),
            Exchange = new SimulatedExchangeOptions
            {
                FillTiming = options.FillTiming,
                Commission = new CommissionSchedule(options.MakerCommission ?? options.Commission, options.Commission, 0m),
                Slippage = options.Slippage ?? NoSlippage.Instance,
            },
            InitialCash = options.InitialCash,
            PositionMode = options.PositionMode,
            Seed = options.Seed,
            LoggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance,
        };
        _pipeline = new TradingPipeline(setup, _instruments, expectedSteps: 256);
        modelClock.Target = _pipeline.Clock;
        _recorder = new HarnessRecorder(_pipeline.Clock);
        _pipeline.Events.Subscribe(_recorder);
    }

    /// <summary>The first instrument of <see cref="HarnessOptions.Instruments"/>: the one fed when none is named.</summary>
    public Instrument Instrument => _instruments[0];

    /// <summary>Pipeline time, Unix epoch milliseconds: the close time of the last bar fed, or the time of the last trade.</summary>
    public long Now => _pipeline.Clock.NowMs;

    /// <summary>Every signal the strategy emitted, in order, with the time it was emitted at.</summary>
    public IReadOnlyList<RecordedSignal> Signals => _recorder.Signals;

    /// <summary>Every status change of every order (New, Accepted, PartiallyFilled, Filled, Cancelled, Rejected, Expired), in order.</summary>
    public IReadOnlyList<OrderSnapshot> OrderUpdates => _recorder.OrderUpdates;

    /// <summary>The latest snapshot of each order, in the order they were submitted (orders sized from signals included).</summary>
    public IReadOnlyList<OrderSnapshot> Orders => _recorder.Orders;

    /// <summary>Every fill, in order, with its price, quantity, fee and time.</summary>
    public IReadOnlyList<Fill> Fills => _recorder.Fills;

    /// <summary>Round trips (flat, holding, flat again), in the order they closed.</summary>
    public IReadOnlyList<ClosedTrade> ClosedTrades => _recorder.ClosedTrades;

    /// <summary>Equity at the end of every bar step.</summary>
    public IReadOnlyList<EquityPoint> EquityCurve => _recorder.EquityCurve;

    /// <summary>Rejected orders by reason code (e.g. a risk rule's <c>max-position</c>, or <c>min-notional</c>).</summary>
    public IReadOnlyDictionary<string, int> Rejections => _recorder.Rejections;

    /// <summary>Cash in the quote asset.</summary>
    public decimal Cash => _pipeline.Portfolio.Cash;

    /// <summary>Cash plus every position marked to its latest price (a bar's close or a trade's price).</summary>
    public decimal Equity => _pipeline.Portfolio.Equity;

    /// <summary>Fees paid so far, in the quote asset.</summary>
    public decimal TotalFees => _pipeline.Portfolio.TotalFees;

    /// <summary>The account's position in <paramref name="instrument"/> (default <see cref="Instrument"/>); flat when none.</summary>
    public Position PositionOf(Instrument? instrument = null) => _pipeline.Portfolio.GetPosition(instrument ?? Instrument);

    /// <summary>Feeds one bar of <see cref="Instrument"/>.</summary>
    public StrategyHarness Feed(in Bar bar) => Feed(Instrument, bar);

    /// <summary>
    /// Feeds one bar of <paramref name="instrument"/> as one time step. Bars of several instruments that open at
    /// the same time belong in one <see cref="FeedStep"/>, so that equity is recorded once for the step.
    /// </summary>
    public StrategyHarness Feed(Instrument instrument, in Bar bar)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (_lastBar is { } last && last.OpenTime == bar.OpenTime && last.Instrument.Symbol != instrument.Symbol)
        {
            throw new ArgumentException(
                $"The {instrument} bar opens at {bar.OpenTime}, as the {last.Instrument} bar fed before it did: feed the bars of one time step together with FeedStep.",
                nameof(bar));
        }

        _pipeline.Process(instrument, bar);
        Remember(instrument, bar);
        return this;
    }

    /// <summary>Feeds bars of <see cref="Instrument"/>, oldest first.</summary>
    public StrategyHarness Feed(IEnumerable<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        foreach (var bar in bars)
        {
            Feed(Instrument, bar);
        }

        return this;
    }

    /// <summary>
    /// Feeds one time step of several instruments: <paramref name="bars"/>[i] belongs to <paramref name="instruments"/>[i]
    /// and all open at the same time. Every bar is matched at its open before any closes, as in a multi-feed backtest.
    /// </summary>
    public StrategyHarness FeedStep(IReadOnlyList<Instrument> instruments, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(bars);
        Instrument[] stepInstruments = [.. instruments];
        Bar[] stepBars = [.. bars];
        _pipeline.ProcessStep(stepInstruments, stepBars);
        for (var i = 0; i < stepBars.Length; i++)
        {
            Remember(stepInstruments[i], stepBars[i]);
        }

        return this;
    }

    /// <summary>Feeds one public trade of <see cref="Instrument"/>.</summary>
    public StrategyHarness FeedTrade(in Trade trade) => FeedTrade(Instrument, trade);

    /// <summary>
    /// Feeds one public trade of <paramref name="instrument"/>: resting orders are matched against its price (a buy
    /// limit fills when a trade prints below it, at the trade's price), the portfolio is marked at it, the strategy's
    /// OnTrade runs, and its signals and orders are handled as after a bar's close.
    /// </summary>
    public StrategyHarness FeedTrade(Instrument instrument, in Trade trade)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        _pipeline.ProcessTrade(instrument, trade);
        return this;
    }

    /// <summary>Feeds public trades of <see cref="Instrument"/>, oldest first.</summary>
    public StrategyHarness FeedTrades(IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        foreach (var trade in trades)
        {
            FeedTrade(Instrument, trade);
        }

        return this;
    }

    /// <summary>
    /// Feeds every bar of a data file the host reads: Binance kline CSV (12 or 7 columns, with or without a header),
    /// any CSV whose header names time, open, high, low, close and volume, or a <c>.cobars</c> cache. The bars go to
    /// the instrument the file name starts with (<c>ETHUSDT-1m.csv</c>) when it is one of the harness's, otherwise to
    /// the only instrument there is. A malformed file throws <see cref="MarketDataFormatException"/> naming the file,
    /// the line and the column.
    /// </summary>
    public StrategyHarness FeedCsv(string path) => FeedCsv(InstrumentOfFile(path), path);

    /// <summary>Feeds every bar of the data file at <paramref name="path"/> as bars of <paramref name="instrument"/>.</summary>
    public StrategyHarness FeedCsv(Instrument instrument, string path)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var options = new CsvReadOptions { Instrument = instrument };

        // A CSV is read directly: the loader would leave a binary cache beside a test's data file.
        var series = path.EndsWith(BinaryBarCache.FileExtension, StringComparison.OrdinalIgnoreCase)
            ? BarSeriesLoader.Load(path, options)
            : CsvBarReader.Read(path, options);
        foreach (var bar in series.Bars)
        {
            Feed(instrument, bar);
        }

        return this;
    }

    /// <summary>
    /// The performance report of the run so far, as a backtest gives it: returns and drawdowns from the equity curve,
    /// statistics of the closed trades, buy and hold over the bars of <see cref="Instrument"/> fed. Bars per year come
    /// from the bars' interval (one-minute bars are assumed until a bar has been fed).
    /// </summary>
    public PerformanceReport Report()
    {
        var periodsPerYear = _pipeline.PeriodsPerYear > 0
            ? _pipeline.PeriodsPerYear
            : PerformanceTracker.PeriodsPerYear((long)TestBars.DefaultInterval.TotalMilliseconds);
        var buyAndHold = _firstClose.IsZero ? 0m : (_lastClose.ToDecimal() / _firstClose.ToDecimal()) - 1m;
        return _pipeline.Tracker.BuildReport(periodsPerYear, buyAndHold);
    }

    private void Remember(Instrument instrument, in Bar bar)
    {
        _lastBar = (instrument, bar.OpenTime);
        if (instrument.Symbol == Instrument.Symbol)
        {
            _firstClose = _firstClose.IsZero ? bar.Close : _firstClose;
            _lastClose = bar.Close;
        }
    }

    private Instrument InstrumentOfFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var named = CsvBarReader.InstrumentFromFileName(path).Symbol;
        var match = Array.Find(_instruments, i => string.Equals(i.Symbol, named, StringComparison.OrdinalIgnoreCase));
        if (match is not null || _instruments.Length == 1)
        {
            return match ?? Instrument;
        }

        throw new ArgumentException(
            $"'{path}' does not name one of the harness's instruments ({string.Join(", ", _instruments.Select(i => i.Symbol))}); say which with FeedCsv(instrument, path).",
            nameof(path));
    }

    private static Dictionary<string, IModel> PrepareModels(HarnessOptions options, ForwardingClock clock)
    {
        var models = new Dictionary<string, IModel>(StringComparer.Ordinal);
        var state = new InMemoryStateStore();
        foreach (var model in options.Models ?? [])
        {
            ArgumentNullException.ThrowIfNull(model, nameof(options));
            var id = model.Metadata.Id;
            if (!models.TryAdd(id, model))
            {
                throw new ArgumentException($"HarnessOptions.Models holds two models with id '{id}'.", nameof(options));
            }

            if (!ModelHarness.IsPrepared(model))
            {
                model.Initialize(PluginContexts.For(model, null, options.Seed, clock, state, options.LoggerFactory));
            }
        }

        return models;
    }
}
