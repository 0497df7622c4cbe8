using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The orchestrator pipeline on one thread: market data → strategies → signal fusion → sizing
/// → risk → order manager → exchange → fills → portfolio → analytics → event bus. Deterministic:
/// time is the data's, randomness is seeded, and events are handled strictly in order.
/// </summary>
public sealed class TradingPipeline : IOrderListener, IClosedTradeListener
{
    private const string PipelineOwnerId = "pipeline";
    private const int ProgressStride = 1 << 16;

    private readonly Instrument[] _instruments;
    private readonly StrategySlots _strategies;
    private readonly StrategySwapper _swapper;
    private readonly BarHistory? _history;
    private readonly IReadOnlyDictionary<string, IModel> _models;
    private readonly SimulatedClock _clock = new();
    private readonly SimulatedExchange _exchange;
    private readonly SignalBook _signals;
    private readonly OrderRouter _router;
    private readonly Rebalancer _rebalancer;
    private readonly ExecutionDesk? _desk;
    private readonly ISignalFusion _fusion;
    private readonly ReturnWindow[] _returns;
    private readonly long[] _lastTradeTime;
    private readonly decimal _takerFeeRate;
    private double _periodsPerYear;
    private int _step;

    /// <summary>Builds the pipeline for <paramref name="instruments"/> and initialises every plugin.</summary>
    public TradingPipeline(PipelineSetup setup, IReadOnlyList<Instrument> instruments, int expectedSteps)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(instruments);
        if (setup.Strategies.Count == 0)
        {
            throw new ArgumentException("A pipeline needs at least one strategy.", nameof(setup));
        }

        if (setup.HistoryDepth < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(setup), setup.HistoryDepth, "PipelineSetup.HistoryDepth is the number of bars kept per instrument: 0 or more.");
        }

        _instruments = [.. instruments];
        _models = setup.Models;
        _fusion = setup.Fusion;
        _takerFeeRate = setup.Exchange.Commission.TakerRate;
        _periodsPerYear = setup.PeriodsPerYear ?? 0;

        Portfolio = new Accounting.Portfolio(setup.InitialCash, _instruments, owners: setup.Strategies.Count) { TradeListener = this };
        Tracker = setup.MaxEquityPoints > 0
            ? PerformanceTracker.Bounded(setup.InitialCash, setup.MaxEquityPoints)
            : new PerformanceTracker(setup.InitialCash, expectedSteps);
        _exchange = new SimulatedExchange(setup.Exchange);
        Orders = new OrderManager(_exchange, this) { Journal = setup.Journal };
        _router = new OrderRouter(Orders, Portfolio, new RiskGate(setup.RiskRules, Portfolio), setup.PositionMode);
        _desk = ExecutionDesk.For(setup, _router, Orders, _clock, _instruments.Length);
        _rebalancer = new Rebalancer(_router, Portfolio, setup.Sizer, setup.PositionMode, _instruments.Length, _desk);
        _signals = new SignalBook([.. setup.Strategies.Select(FusionWeight)], _instruments.Length);
        _returns = [.. _instruments.Select(_ => new ReturnWindow(setup.VolatilityLookback))];
        _lastTradeTime = [.. _instruments.Select(_ => long.MinValue)];
        _history = setup.HistoryDepth > 0 ? new BarHistory(setup.HistoryDepth, _instruments.Length) : null;
        _strategies = new StrategySlots([.. setup.Strategies.Select(s => s.Strategy.Metadata.Id)], _signals, _clock, setup);

        var state = new InMemoryStateStore();
        PluginContext ContextFor(IPlugin plugin) =>
            new(plugin.Metadata.Id, _clock, setup.LoggerFactory, setup.Seed, ParameterSet.Defaults(plugin.Metadata), state);

        _exchange.Connect(ContextFor(_exchange), Orders);
        Initialize(setup.Fusion, f => f.Initialize(ContextFor(f)));
        Initialize(setup.Sizer, s => s.Initialize(ContextFor(s)));
        foreach (var rule in setup.RiskRules)
        {
            Initialize(rule, r => r.Initialize(ContextFor(r)));
        }

        var contexts = new StrategyContexts(this, _clock, setup.LoggerFactory, setup.Seed, state);
        for (var slot = 0; slot < _strategies.Count; slot++)
        {
            var (strategy, parameters) = setup.Strategies[slot];
            var context = contexts.Live(slot, _strategies.IdOf(slot), parameters);
            using (_strategies.Probe.Enter(slot, CallbackPhase.Initialize))
            {
                Initialize(strategy, s => s.Initialize(context));
            }

            _strategies.Install(slot, strategy, context);
        }

        _swapper = new StrategySwapper(_strategies, contexts, _history, _instruments);
    }

    /// <summary>Cash, positions and PnL.</summary>
    public Accounting.Portfolio Portfolio { get; }

    /// <summary>The equity curve and performance statistics.</summary>
    public PerformanceTracker Tracker { get; }

    /// <summary>Every order and its state.</summary>
    public OrderManager Orders { get; }

    /// <summary>Subscribe sinks here before <see cref="Run"/>.</summary>
    public EngineEventBus Events { get; } = new();

    /// <summary>Pipeline time: the time of the event being processed, or of the last one.</summary>
    public IClock Clock => _clock;

    /// <summary>Bars per year used for annualising, known once data has been seen.</summary>
    public double PeriodsPerYear => _periodsPerYear;

    /// <summary>The plugin id of the strategy in each slot, in the order they see events.</summary>
    public IReadOnlyList<string> StrategyIds => _strategies.Ids;

    /// <summary>Where the pipeline thread is: read it from a watchdog thread to spot a strategy stuck in a callback.</summary>
    public CallbackProbe Probe => _strategies.Probe;

    /// <summary>The slot of the strategy <paramref name="pluginId"/>; throws naming the id and the ids present.</summary>
    public int SlotOf(string pluginId) => _strategies.SlotOf(pluginId);

    /// <summary>The instance running in <paramref name="slot"/> (null once quarantined), for a look between events; do not keep it.</summary>
    public IStrategy? StrategyAt(int slot) => _strategies.InstanceIn(CheckSlot(slot));

    /// <summary>
    /// Lets go of every strategy instance once no more events will come: the portfolio, orders and
    /// analytics stay readable while the plugins' load contexts unload.
    /// </summary>
    public void DetachStrategies() => _strategies.ReleaseAll();

    /// <summary>True once the strategy in <paramref name="slot"/> has been quarantined (and not swapped since).</summary>
    public bool IsQuarantined(int slot) => _strategies.IsQuarantined(CheckSlot(slot));

    /// <summary>Why the strategy in <paramref name="slot"/> was quarantined, or null when it is not.</summary>
    public string? QuarantineReason(int slot) => _strategies.QuarantineReason(CheckSlot(slot));

    /// <summary>
    /// Quarantines <paramref name="pluginId"/> as if it had faulted: from the next callback boundary on it
    /// is not called, its signals are withdrawn, and its positions and orders stay as they are. Thread-safe:
    /// a watchdog calls it from its own thread; a callback already running is not interrupted.
    /// </summary>
    public void Quarantine(string pluginId, string reason) => _strategies.RequestQuarantine(pluginId, reason);

    /// <summary>
    /// Puts <paramref name="replacement"/> (a fresh, uninitialised instance with the same id) in the place of
    /// the strategy in <paramref name="slot"/>, between events, on the pipeline thread. When both instances are
    /// <see cref="IStatefulPlugin"/> the running one hands its state over; otherwise the replacement is re-fed the
    /// last <see cref="PipelineSetup.HistoryDepth"/> bars with nothing it does reaching the run. The slot's ledger,
    /// positions, open orders and last signals are untouched, and the updates and fills of its orders go to the
    /// replacement from now on. If the replacement throws (or the running instance's SaveState does),
    /// <see cref="StrategySwapRejectedException"/> and nothing changed; otherwise the old instance is disposed if it is
    /// <see cref="IDisposable"/>, and a quarantine of the slot ends. The replacement gets a random source seeded as
    /// the first instance's was: a stream that must continue across swaps belongs in the handed-over state.
    /// </summary>
    public StrategySwapReport SwapStrategy(int slot, IStrategy replacement, IParameterSet parameters) =>
        _swapper.Swap(slot, replacement, parameters);

    /// <summary>
    /// One live step: <paramref name="bar"/> of <paramref name="instrument"/> is processed exactly as a step of a
    /// single-feed backtest (matched at its open, then closed: marks, strategies, signals, orders; then equity is
    /// recorded), so feeding a series bar by bar gives the run <see cref="Run"/> gives. Bars per year come from the
    /// setup or, failing that, from the first bar's span. Allocation-free: the per-bar hot path.
    /// For several instruments whose bars share a time, use <see cref="ProcessStep"/>.
    /// </summary>
    public void Process(Instrument instrument, in Bar bar)
    {
        var index = Portfolio.IndexOf(instrument);
        LearnIntervalFrom(bar);
        ProcessBar(index, bar);
        EndStep();
    }

    /// <summary>
    /// One live step over several instruments: <paramref name="bars"/>[i] belongs to <paramref name="instruments"/>[i]
    /// and all open at the same time. Every bar is matched at its open before any closes, then equity is recorded
    /// once, exactly as a time step of a multi-feed backtest. Allocation-free.
    /// </summary>
    public void ProcessStep(ReadOnlySpan<Instrument> instruments, ReadOnlySpan<Bar> bars)
    {
        if (instruments.Length != bars.Length || bars.IsEmpty)
        {
            throw new ArgumentException($"A step needs one bar per instrument and at least one; got {instruments.Length} instruments and {bars.Length} bars.", nameof(bars));
        }

        foreach (ref readonly var bar in bars)
        {
            if (bar.OpenTime != bars[0].OpenTime)
            {
                throw new ArgumentException($"The bars of one step must open at the same time; {bars[0].OpenTime} and {bar.OpenTime} differ.", nameof(bars));
            }
        }

        LearnIntervalFrom(bars[0]);
        for (var i = 0; i < bars.Length; i++)
        {
            OpenBar(Portfolio.IndexOf(instruments[i]), bars[i]);
        }

        for (var i = 0; i < bars.Length; i++)
        {
            CloseBar(Portfolio.IndexOf(instruments[i]), bars[i]);
        }

        EndStep();
    }

    /// <summary>
    /// One public trade of <paramref name="instrument"/>, handled as the close of a one-price bar: resting orders
    /// are matched against it (open = high = low = close = its price, volume = its quantity, times = its time), the
    /// portfolio is marked at its price, every strategy sees <see cref="IStrategy.OnTrade"/>, and the signals and
    /// orders that follow are sized, risk-checked and sent exactly as after a bar's close. Equity is recorded at the
    /// end of bar steps only, so the curve and its statistics stay per bar. Time never runs back; trades of one
    /// millisecond may follow one another. A bar fed after trades inside its span closes without being matched
    /// again: the trades already were, in order. Execution algorithms pace themselves by bars and do not see trades.
    /// Allocation-free: the per-trade hot path.
    /// </summary>
    public void ProcessTrade(Instrument instrument, in Trade trade)
    {
        var index = Portfolio.IndexOf(instrument);
        var symbol = _instruments[index];
        if (trade.Price.Units <= 0 || trade.Quantity.Units <= 0)
        {
            ThrowMalformedTrade(symbol, trade);
        }

        _clock.AdvanceTo(trade.Time);
        _exchange.OnTrade(symbol, trade);
        _lastTradeTime[index] = trade.Time;
        Portfolio.Mark(index, trade.Price);
        for (var slot = 0; slot < _strategies.Count; slot++)
        {
            _strategies.Dispatch(slot, new TradeCallback(symbol, in trade));
        }

        if (_signals.IsDirty(index))
        {
            RebalanceFromSignals(index);
        }

        Orders.Flush(_clock.NowMs);
    }

    private static void ThrowMalformedTrade(Instrument instrument, in Trade trade) =>
        throw new ArgumentException(
            $"{instrument}: the trade at {trade.Time} has price {trade.Price} and quantity {trade.Quantity}; both must be positive.",
            nameof(trade));

    /// <summary>
    /// Feeds every bar of <paramref name="feeds"/> through the pipeline in time order (ties in
    /// feed order). Reports progress as a fraction every 65,536 bars.
    /// </summary>
    public void Run(IReadOnlyList<BarSeries> feeds, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var indexOfFeed = new int[feeds.Count];
        long total = 0;
        for (var f = 0; f < feeds.Count; f++)
        {
            indexOfFeed[f] = Portfolio.IndexOf(feeds[f].Instrument);
            total += feeds[f].Count;
            if (_periodsPerYear == 0 && feeds[f].IntervalMs > 0)
            {
                _periodsPerYear = PerformanceTracker.PeriodsPerYear(feeds[f].IntervalMs);
            }
        }

        if (feeds.Count == 1)
        {
            RunSingleFeed(feeds[0], indexOfFeed[0], progress, cancellation);
            return;
        }

        var cursor = new int[feeds.Count];
        long done = 0;
        while (true)
        {
            var next = NextFeed(feeds, cursor);
            if (next < 0)
            {
                break;
            }

            var time = feeds[next].Bars[cursor[next]].OpenTime;

            // Every feed's bar opening at this time is matched at the open before any closes, so the
            // clock never runs back; then each closes, and equity is recorded once for the step.
            for (var f = next; f < feeds.Count; f++)
            {
                if (cursor[f] < feeds[f].Count && feeds[f].Bars[cursor[f]].OpenTime == time)
                {
                    OpenBar(indexOfFeed[f], feeds[f].Bars[cursor[f]]);
                }
            }

            for (var f = next; f < feeds.Count; f++)
            {
                if (cursor[f] < feeds[f].Count && feeds[f].Bars[cursor[f]].OpenTime == time)
                {
                    CloseBar(indexOfFeed[f], feeds[f].Bars[cursor[f]]);
                    cursor[f]++;
                    ReportEveryStride(++done, total, progress, cancellation);
                }
            }

            EndStep();
        }

        progress?.Report(1.0);
    }

    /// <summary>One feed needs no merging by time: every bar is a step of its own.</summary>
    private void RunSingleFeed(BarSeries feed, int instrument, IProgress<double>? progress, CancellationToken cancellation)
    {
        var bars = feed.Bars;
        for (var i = 0; i < bars.Length; i++)
        {
            ProcessBar(instrument, bars[i]);
            EndStep();
            ReportEveryStride(i + 1, bars.Length, progress, cancellation);
        }

        progress?.Report(1.0);
    }

    private static void ReportEveryStride(long done, long total, IProgress<double>? progress, CancellationToken cancellation)
    {
        if (done % ProgressStride == 0)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report((double)done / total);
        }
    }

    /// <summary>Handles one bar. The hot path: allocation-free unless a plugin allocates.</summary>
    private void ProcessBar(int instrument, in Bar bar)
    {
        OpenBar(instrument, bar);
        CloseBar(instrument, bar);
    }

    /// <summary>The bar's open: resting orders are matched against it.</summary>
    private void OpenBar(int instrument, in Bar bar)
    {
        // Trades inside the bar's span were matched as they printed, in order: matching the whole bar
        // again would let an order placed after one of them fill at a price printed before it.
        if (bar.OpenTime <= _lastTradeTime[instrument])
        {
            return;
        }

        _clock.AdvanceTo(bar.OpenTime);
        _exchange.OnBar(_instruments[instrument], bar);
    }

    /// <summary>The bar's close: marks, strategies, signals and the orders they lead to.</summary>
    private void CloseBar(int instrument, in Bar bar)
    {
        var symbol = _instruments[instrument];

        // Bars of one time step may close at different times (feeds of different intervals): time only moves on.
        _clock.AdvanceTo(Math.Max(_clock.NowMs, bar.CloseTime));
        Portfolio.Mark(instrument, bar.Close);
        _returns[instrument].Push(bar.Close.ToDouble());
        _history?.Record(instrument, bar);
        _desk?.OnBar(instrument, symbol, bar);
        for (var slot = 0; slot < _strategies.Count; slot++)
        {
            _strategies.Dispatch(slot, new BarCallback(symbol, in bar));
        }

        if (_signals.IsDirty(instrument))
        {
            RebalanceFromSignals(instrument);
        }

        Orders.Flush(_clock.NowMs);
        if (Events.HasSinks)
        {
            Events.Bar(symbol, bar);
        }
    }

    private void EndStep()
    {
        Tracker.RecordBar(_clock.NowMs, Portfolio.Equity, Portfolio.HasOpenPosition);
        if (Events.HasSinks)
        {
            Events.Equity(_clock.NowMs, Portfolio.Equity);
        }

        _step++;
        Orders.Journal?.StepCompleted(_clock.NowMs);
    }

    private void RebalanceFromSignals(int instrument)
    {
        var signals = _signals.Gather(instrument, out var soleContributor);
        double exposure;
        try
        {
            exposure = _fusion.Fuse(signals);
        }
        catch (Exception ex)
        {
            throw new PluginFaultException(_fusion.Metadata.Id, nameof(ISignalFusion.Fuse), ex);
        }

        if (!(exposure is >= -1 and <= 1))
        {
            throw new PluginFaultException(_fusion.Metadata.Id, nameof(ISignalFusion.Fuse), new InvalidOperationException($"fused exposure {exposure} is outside [-1, 1]"));
        }

        var symbol = _instruments[instrument];
        var market = new SizingRequest(
            symbol,
            exposure,
            Portfolio.LastPrice(instrument),
            Portfolio.Equity,
            Portfolio.Cash,
            Quantity.Zero,
            _returns[instrument].StandardDeviation(),
            _periodsPerYear,
            _takerFeeRate);
        // -1 is the pipeline's own ledger: a fused view belongs to no single strategy.
        _rebalancer.Rebalance(instrument, exposure, market, soleContributor, _clock.NowMs);
    }

    /// <summary>Records a well-formed signal of a live strategy (its context checks the form).</summary>
    internal void Emit(int slot, in Signal signal)
    {
        _signals.Record(slot, Portfolio.IndexOf(signal.Instrument), signal);
        if (Events.HasSinks)
        {
            Events.Signal(_strategies.IdOf(slot), signal);
        }
    }

    internal ClientOrderId SubmitFromStrategy(int slot, in OrderRequest request) =>
        _router.Route(request, slot, _clock.NowMs).Id;

    internal IModel GetModel(string pluginId, string modelId) =>
        _models.TryGetValue(modelId, out var model)
            ? model
            : throw new KeyNotFoundException($"Plugin '{pluginId}' asked for model '{modelId}', but the run has only: {string.Join(", ", _models.Keys)}.");

    /// <inheritdoc />
    void IOrderListener.OnFill(in Fill fill, int owner)
    {
        Portfolio.ApplyFill(fill, owner, _step);
        _rebalancer.OnFill(fill);
        _desk?.OnFill(fill);
        if (owner >= 0)
        {
            _strategies.Dispatch(owner, new FillCallback(in fill));
        }

        if (Events.HasSinks)
        {
            Events.Fill(OwnerId(owner), fill);
        }
    }

    /// <inheritdoc />
    void IOrderListener.OnOrderUpdate(in OrderSnapshot order, int owner)
    {
        _rebalancer.OnOrderUpdate(order);
        _desk?.OnOrderUpdate(order);
        if (owner >= 0)
        {
            _strategies.Dispatch(owner, new OrderUpdateCallback(in order));
        }

        if (Events.HasSinks)
        {
            Events.OrderUpdate(OwnerId(owner), order);
        }
    }

    /// <inheritdoc />
    void IClosedTradeListener.OnTradeClosed(in ClosedTrade trade)
    {
        Tracker.OnTradeClosed(trade);
        if (Events.HasSinks)
        {
            Events.TradeClosed(OwnerId(trade.Owner), trade);
        }
    }

    private string OwnerId(int owner) => owner >= 0 ? _strategies.IdOf(owner) : PipelineOwnerId;

    private int CheckSlot(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, _strategies.Count);
        return slot;
    }

    /// <summary>A live feed has no series to read the interval from: a bar covers OpenTime through CloseTime, its last millisecond.</summary>
    private void LearnIntervalFrom(in Bar bar)
    {
        if (_periodsPerYear == 0 && bar.CloseTime >= bar.OpenTime)
        {
            _periodsPerYear = PerformanceTracker.PeriodsPerYear(bar.CloseTime - bar.OpenTime + 1);
        }
    }

    private static int NextFeed(IReadOnlyList<BarSeries> feeds, int[] cursor)
    {
        var best = -1;
        var bestTime = long.MaxValue;
        for (var f = 0; f < feeds.Count; f++)
        {
            if (cursor[f] < feeds[f].Count && feeds[f].Bars[cursor[f]].OpenTime < bestTime)
            {
                best = f;
                bestTime = feeds[f].Bars[cursor[f]].OpenTime;
            }
        }

        return best;
    }

    private static double FusionWeight(StrategyRegistration registration) =>
        double.IsFinite(registration.Weight) && registration.Weight > 0
            ? registration.Weight
            : throw new ArgumentException($"Strategy '{registration.Strategy.Metadata.Id}' has fusion weight {registration.Weight}; a weight is a finite number above 0.");

    private static void Initialize<T>(T plugin, Action<T> initialize)
        where T : IPlugin
    {
        try
        {
            initialize(plugin);
        }
        catch (Exception ex)
        {
            throw new PluginFaultException(plugin.Metadata.Id, "Initialize", ex);
        }
    }
}
