using System.Diagnostics;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Durability;

/// <summary>
/// A running bot's journal. As a sink of the pipeline's events it gathers new orders, their transitions and fills;
/// as the pipeline's <see cref="IStepJournal"/> it commits them, with the positions they left and the progress marker,
/// as one <see cref="BotCheckpoint"/>: always before an order is sent, otherwise every so many steps or so much time.
/// A restored run replays the steps up to its checkpoint first: those were committed already, so nothing of them is
/// gathered, and when the replay reaches the checkpoint the run must stand exactly where the checkpoint says.
/// </summary>
/// <remarks>Runs on the bot's thread; a commit blocks it until the database has the checkpoint (the bot's thread is its own).</remarks>
internal sealed class BotJournal : IStepJournal, IEngineEventSink
{
    private readonly IStore _store;
    private readonly string _botId;
    private readonly JournalOptions _options;
    private readonly BotCheckpoint? _resumedFrom;
    private readonly long _replayThroughMs;
    private readonly Dictionary<long, OrderProgress> _open = [];
    private readonly List<OrderRecord> _orders = [];
    private readonly List<OrderTransition> _transitions = [];
    private readonly List<FillRecord> _fills = [];
    private readonly Dictionary<Instrument, long> _touched = [];
    private readonly Stopwatch _sinceCommit = Stopwatch.StartNew();
    private TradingPipeline? _pipeline;
    private bool _dirty;
    private bool _replaying;
    private long _progressMs = long.MinValue;
    private long _steps;
    private int _stepsSinceCommit;
    private long _committedSteps = -1;

    // Where the last completed step left the run: a checkpoint's header, even one committed in the middle of a step.
    private decimal _progressCash;
    private decimal _progressEquity;
    private long _progressLastId;

    private BotJournal(IStore store, string botId, JournalOptions options, long idBase, decimal initialCash, BotCheckpoint? resumedFrom)
    {
        _progressCash = initialCash;
        _progressEquity = initialCash;
        _progressLastId = idBase;
        _store = store;
        _botId = botId;
        _options = options;
        IdBase = idBase;
        _resumedFrom = resumedFrom;
        _replayThroughMs = resumedFrom?.ProgressMs ?? long.MinValue;
        _replaying = resumedFrom is { IsAtStart: false };
    }

    /// <summary>The last client order id before this run: the run's ids follow it.</summary>
    public long IdBase { get; }

    /// <summary>Pipeline time up to which the run replays what its checkpoint already holds; <see cref="long.MinValue"/> for none.</summary>
    public long ReplayThroughMs => _replayThroughMs;

    /// <summary>Checkpoints committed by this run, and the time they took.</summary>
    public JournalStatistics Statistics { get; } = new();

    /// <summary>
    /// The journal of a new run: its ids follow every id the bot ever journaled, and its first checkpoint (committed
    /// here, before any bar) records that and resets the stored positions of <paramref name="instruments"/> to flat.
    /// </summary>
    public static async Task<BotJournal> BeginAsync(
        IStore store, string botId, IReadOnlyList<Instrument> instruments, decimal initialCash, JournalOptions options, CancellationToken cancellation)
    {
        var idBase = await store.Orders.LastClientOrderIdAsync(botId, cancellation).ConfigureAwait(false);
        var start = new BotCheckpoint(botId, idBase, long.MinValue, 0, idBase, initialCash, initialCash, options.Time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            // A run starts flat; the time is 0 (no market time yet), so two runs of one definition store the same rows.
            Positions = [.. instruments.Select(instrument => new PositionRecord(botId, instrument.Symbol, 0m, 0m, 0m, 0))],
        };
        await store.Checkpoints.CommitAsync(start, cancellation).ConfigureAwait(false);
        return new BotJournal(store, botId, options, idBase, initialCash, resumedFrom: null);
    }

    /// <summary>
    /// The journal of a run resumed from the bot's latest checkpoint; a bot that never committed one (it was never
    /// started) gets a new run's.
    /// </summary>
    public static async Task<BotJournal> ResumeAsync(
        IStore store, string botId, IReadOnlyList<Instrument> instruments, decimal initialCash, JournalOptions options, CancellationToken cancellation)
    {
        var checkpoint = await store.Checkpoints.LatestAsync(botId, cancellation).ConfigureAwait(false);
        return checkpoint is null
            ? await BeginAsync(store, botId, instruments, initialCash, options, cancellation).ConfigureAwait(false)
            : new BotJournal(store, botId, options, checkpoint.IdBase, initialCash, checkpoint);
    }

    /// <summary>Joins the run's pipeline, on its thread, before its first bar.</summary>
    public void Attach(TradingPipeline pipeline)
    {
        _pipeline = pipeline;
        pipeline.Orders.ContinueIdsAfter(IdBase);
        pipeline.Events.Subscribe(this);
    }

    public void OnOrderUpdate(string ownerId, in OrderSnapshot order)
    {
        // A request malformed beyond sizing is refused at birth and never sent; the journal has no row shape for it.
        if (order.Request.Quantity.Units <= 0)
        {
            return;
        }

        var id = order.Id.Value;
        var replayed = order.Time <= _replayThroughMs;
        long sequence;
        if (order.Status == OrderStatus.New && !_open.ContainsKey(id))
        {
            _open[id] = new OrderProgress();
            sequence = 1;
            if (!replayed)
            {
                _orders.Add(JournalRecords.Order(_botId, ownerId, order));
            }
        }
        else
        {
            var progress = _open[id];
            sequence = ++progress.Transitions;
            if (order.IsFinal)
            {
                _open.Remove(id);
            }
        }

        if (!replayed)
        {
            _transitions.Add(JournalRecords.Transition(_botId, order, sequence));
            _dirty = true;
        }
    }

    public void OnFill(string ownerId, in Fill fill)
    {
        var sequence = ++_open[fill.OrderId.Value].Fills;
        if (fill.Time <= _replayThroughMs)
        {
            return;
        }

        _fills.Add(JournalRecords.Fill(_botId, fill, sequence));
        _touched[fill.Instrument] = fill.Time;
        _dirty = true;
    }

    public void BeforeSend(long now)
    {
        if (_replaying && now > _replayThroughMs)
        {
            throw Diverged([$"an order to send at {now}, after the checkpoint's step at {_replayThroughMs}, before reaching that step"]);
        }

        if (_dirty)
        {
            Commit(withEquity: false);
        }
    }

    public void StepCompleted(long now)
    {
        var pipeline = _pipeline!;
        _steps++;
        _progressMs = now;
        _progressCash = pipeline.Portfolio.Cash;
        _progressEquity = pipeline.Portfolio.Equity;
        _progressLastId = pipeline.Orders.LastAssignedId;
        if (_replaying)
        {
            if (now < _replayThroughMs)
            {
                return;
            }

            ArriveAtCheckpoint(now);
        }

        if (++_stepsSinceCommit >= _options.CommitEverySteps || _sinceCommit.Elapsed >= _options.CommitInterval)
        {
            Commit(withEquity: true);
        }
    }

    /// <summary>Commits whatever the last commit left out; once the run has ended.</summary>
    public void Flush()
    {
        if (_pipeline is not null && !_replaying && (_dirty || _committedSteps != _steps))
        {
            Commit(withEquity: true);
        }
    }

    /// <summary>
    /// The replay has reached the checkpoint: the run must stand where the checkpoint says, or the feed, the plugins or
    /// the engine are not what they were, and going on would journal a different history under the same ids.
    /// </summary>
    private void ArriveAtCheckpoint(long now)
    {
        var expected = _resumedFrom!;
        var pipeline = _pipeline!;
        var differences = new List<string>();
        Compare(differences, "time of the step", now, expected.ProgressMs);
        Compare(differences, "steps", _steps, expected.Steps);
        Compare(differences, "last client order id", pipeline.Orders.LastAssignedId, expected.LastClientOrderId);
        Compare(differences, "cash", pipeline.Portfolio.Cash, expected.Cash);
        Compare(differences, "equity", pipeline.Portfolio.Equity, expected.Equity);
        if (differences.Count > 0)
        {
            throw Diverged(differences);
        }

        _replaying = false;
        _committedSteps = _steps;
        _stepsSinceCommit = 0;
        _sinceCommit.Restart();
    }

    private InvalidOperationException Diverged(IEnumerable<string> differences) => new(
        $"Bot '{_botId}' cannot be restored: replaying its feed to its checkpoint gave {string.Join("; ", differences)}. " +
        "The feed, the strategies or their parameters differ from the run that wrote the journal.");

    private static void Compare<T>(List<string> differences, string what, T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            differences.Add($"{what} {actual} where the checkpoint has {expected}");
        }
    }

    private void Commit(bool withEquity)
    {
        var pipeline = _pipeline!;
        var portfolio = pipeline.Portfolio;
        var checkpoint = new BotCheckpoint(
            _botId, IdBase, _progressMs, _steps, _progressLastId, _progressCash, _progressEquity, _options.Time.GetUtcNow().ToUnixTimeMilliseconds())
        {
            NewOrders = [.. _orders],
            Transitions = [.. _transitions],
            Fills = [.. _fills],
            Positions = [.. _touched.Select(touched => JournalRecords.Position(_botId, portfolio.GetPosition(touched.Key), touched.Value))],
            EquitySnapshot = withEquity && _progressMs != long.MinValue ? new EquitySnapshot(_botId, _progressMs, _progressCash, _progressEquity) : null,
        };

        var started = Stopwatch.GetTimestamp();
        _store.Checkpoints.CommitAsync(checkpoint).GetAwaiter().GetResult();
        Statistics.Record(Stopwatch.GetElapsedTime(started));
        _orders.Clear();
        _transitions.Clear();
        _fills.Clear();
        _touched.Clear();
        _dirty = false;
        _committedSteps = _steps;
        _stepsSinceCommit = 0;
        _sinceCommit.Restart();
    }

    private sealed class OrderProgress
    {
        public long Transitions = 1;
        public int Fills;
    }
}
