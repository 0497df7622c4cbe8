using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Risk;
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
    private readonly IStrategy[] _strategies;
    private readonly string[] _ownerIds;
    private readonly IReadOnlyDictionary<string, IModel> _models;
    private readonly SimulatedClock _clock = new();
    private readonly SimulatedExchange _exchange;
    private readonly SignalBook _signals;
    private readonly OrderRouter _router;
    private readonly Rebalancer _rebalancer;
    private readonly ExecutionDesk? _desk;
    private readonly ISignalFusion _fusion;
    private readonly ReturnWindow[] _returns;
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

        _instruments = [.. instruments];
        _strategies = [.. setup.Strategies.Select(s => s.Strategy)];
        _ownerIds = [.. _strategies.Select(s => s.Metadata.Id)];
        _models = setup.Models;
        _fusion = setup.Fusion;
        _takerFeeRate = setup.Exchange.Commission.TakerRate;
        _periodsPerYear = setup.PeriodsPerYear ?? 0;

        Portfolio = new Accounting.Portfolio(setup.InitialCash, _instruments, owners: _strategies.Length) { TradeListener = this };
        Tracker = new PerformanceTracker(setup.InitialCash, expectedSteps);
        _exchange = new SimulatedExchange(setup.Exchange);
        Orders = new OrderManager(_exchange, this);
        _router = new OrderRouter(Orders, Portfolio, new RiskGate(setup.RiskRules, Portfolio), setup.PositionMode);
        _desk = ExecutionDesk.For(setup, _router, Orders, _clock, _instruments.Length);
        _rebalancer = new Rebalancer(_router, Portfolio, setup.Sizer, setup.PositionMode, _instruments.Length, _desk);
        _signals = new SignalBook(_strategies.Length, _instruments.Length);
        _returns = [.. _instruments.Select(_ => new ReturnWindow(setup.VolatilityLookback))];

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

        for (var slot = 0; slot < _strategies.Length; slot++)
        {
            var registration = setup.Strategies[slot];
            var id = registration.Strategy.Metadata.Id;
            var context = new PluginContext(id, _clock, setup.LoggerFactory, setup.Seed, registration.Parameters, state);
            Initialize(registration.Strategy, s => s.Initialize(new StrategyContext(context, this, slot)));
        }
    }

    /// <summary>Cash, positions and PnL.</summary>
    public Accounting.Portfolio Portfolio { get; }

    /// <summary>The equity curve and performance statistics.</summary>
    public PerformanceTracker Tracker { get; }

    /// <summary>Every order and its state.</summary>
    public OrderManager Orders { get; }

    /// <summary>Subscribe sinks here before <see cref="Run"/>.</summary>
    public EngineEventBus Events { get; } = new();

    /// <summary>Bars per year used for annualising, known once data has been seen.</summary>
    public double PeriodsPerYear => _periodsPerYear;

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
        _desk?.OnBar(instrument, symbol, bar);
        for (var slot = 0; slot < _strategies.Length; slot++)
        {
            try
            {
                _strategies[slot].OnBar(symbol, bar);
            }
            catch (Exception ex) when (ex is not PluginFaultException)
            {
                throw new PluginFaultException(_ownerIds[slot], nameof(IStrategy.OnBar), ex);
            }
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

    internal void Emit(int slot, in Signal signal)
    {
        if (signal.Malformation() is { } problem)
        {
            throw new PluginFaultException(_ownerIds[slot], "Emit", new ArgumentException($"signal {problem}"));
        }

        _signals.Record(slot, Portfolio.IndexOf(signal.Instrument), signal);
        if (Events.HasSinks)
        {
            Events.Signal(_ownerIds[slot], signal);
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
            try
            {
                _strategies[owner].OnFill(fill);
            }
            catch (Exception ex) when (ex is not PluginFaultException)
            {
                throw new PluginFaultException(_ownerIds[owner], nameof(IStrategy.OnFill), ex);
            }
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
            try
            {
                _strategies[owner].OnOrderUpdate(order);
            }
            catch (Exception ex) when (ex is not PluginFaultException)
            {
                throw new PluginFaultException(_ownerIds[owner], nameof(IStrategy.OnOrderUpdate), ex);
            }
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

    private string OwnerId(int owner) => owner >= 0 ? _ownerIds[owner] : PipelineOwnerId;

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
