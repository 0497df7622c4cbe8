using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Runtime.Durability;
using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Domain;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// Creates, starts, pauses, resumes, stops and deletes bots while the host runs. Each bot runs on its own
/// thread (a <see cref="Bot"/> of the <see cref="PluginHost"/>), fed by its feed on a task of its own, and
/// publishes its orders, fills, positions, equity, status and plugin changes to the <see cref="IEventBus"/>.
/// A bot that fails — a plugin fault under <see cref="FaultPolicy.Halt"/>, a feed that throws — becomes
/// <see cref="BotStatus.Failed"/> with the reason; no other bot notices. Thread-safe.
/// </summary>
public sealed partial class BotManager : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ManagedBot> _bots = new(StringComparer.Ordinal);
    private readonly PluginHost _plugins;
    private readonly IEventBus _events;
    private readonly BotManagerOptions _options;
    private readonly ILogger _log;
    private readonly LatestStateWriter? _latest;
    private volatile bool _shuttingDown;

    /// <summary>A manager of bots on <paramref name="plugins"/>' strategies, publishing to <paramref name="events"/>.</summary>
    public BotManager(PluginHost plugins, IEventBus events, BotManagerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(events);
        _plugins = plugins;
        _events = events;
        _options = options ?? new BotManagerOptions();
        _log = _options.LoggerFactory.CreateLogger<BotManager>();
        _latest = _options.LatestState is { } cache ? new LatestStateWriter(cache, _options.TimeProvider, _log) : null;
        _plugins.Changed += OnPluginChanged;
        OrchestratorMetrics.Track(this);
    }

    /// <summary>Raised after every status change, with the bot as it is then; handlers run on the changing thread.</summary>
    public event EventHandler<BotInfo>? StatusChanged;

    /// <summary>Checks a definition without creating anything: every field at fault (an empty list when it would run).</summary>
    public IReadOnlyList<BotDefinitionError> Validate(BotDefinition definition)
    {
        try
        {
            new BotDefinitionValidator(_plugins, _options).Check(definition);
            return [];
        }
        catch (BotDefinitionException e)
        {
            return e.Errors;
        }
    }

    /// <summary>Creates a bot (status Created) after checking its definition; a <see cref="BotDefinitionException"/> names every field at fault.</summary>
    public BotInfo Create(BotDefinition definition)
    {
        EnsureRunsBots(definition);
        var recipe = new BotDefinitionValidator(_plugins, _options).Check(definition);
        return AddAndStore(recipe, recipe.Feed);
    }

    /// <summary>
    /// Creates a bot that trades on <paramref name="feed"/> instead of the feed its definition describes
    /// (an exchange's stream, a test's script). Its bars must be of the bot's instruments.
    /// </summary>
    public BotInfo Create(BotDefinition definition, IMarketFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        EnsureRunsBots(definition);
        var recipe = new BotDefinitionValidator(_plugins, _options).Check(definition);
        return AddAndStore(recipe, feed);
    }

    /// <summary>Every bot, ordered by id.</summary>
    public IReadOnlyList<BotInfo> List()
    {
        ManagedBot[] bots;
        lock (_gate)
        {
            bots = [.. _bots.Values];
        }

        return [.. bots.Select(bot => bot.Snapshot()).OrderBy(bot => bot.Id, StringComparer.Ordinal)];
    }

    /// <summary>One bot; <see cref="BotNotFoundException"/> when there is none with this id.</summary>
    public BotInfo Get(string id) => Find(id).Snapshot();

    /// <summary>
    /// Starts a Created, Stopped or Failed bot: a new run from its definition (cash, positions and feed from
    /// the start). A bot whose plugins cannot start becomes Failed with the reason.
    /// </summary>
    public Task<BotInfo> StartAsync(string id, CancellationToken cancellation = default) =>
        OneStepAtATime(Find(id), cancellation, async managed =>
        {
            if (!_options.RunsBots)
            {
                throw new BotsNotRunHereException(id);
            }

            lock (managed.State)
            {
                if (managed.Status is BotStatus.Running or BotStatus.Paused)
                {
                    throw new BotStateException(id, managed.Status, $"Bot '{id}' is already {managed.Status}.");
                }
            }

            await BeginRunAsync(managed, resume: false).ConfigureAwait(false);
            return managed.Snapshot();
        });

    /// <summary>Pauses a Running bot at an event boundary: it takes no more bars (they wait) until resumed.</summary>
    public BotInfo Pause(string id) => Shift(id, BotStatus.Running, BotStatus.Paused, bot => bot.Pause());

    /// <summary>Resumes a Paused bot.</summary>
    public BotInfo Resume(string id) => Shift(id, BotStatus.Paused, BotStatus.Running, bot => bot.Resume());

    /// <summary>
    /// Stops a Running or Paused bot after the event in hand, and waits until it has stopped and its events
    /// are on their way. Positions and orders are left as they are. Nothing to do for a bot that is not running.
    /// </summary>
    public Task<BotInfo> StopAsync(string id, CancellationToken cancellation = default) =>
        OneStepAtATime(Find(id), cancellation, async managed =>
        {
            await EndRunAsync(managed, cancellation).ConfigureAwait(false);
            return managed.Snapshot();
        });

    /// <summary>Removes a bot that is not running (Created, Stopped or Failed), once its last events are published.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellation = default)
    {
        var managed = await OneStepAtATime(Find(id), cancellation, managed =>
        {
            lock (managed.State)
            {
                if (managed.Status is BotStatus.Running or BotStatus.Paused)
                {
                    throw new BotStateException(id, managed.Status, $"Bot '{id}' is {managed.Status}; stop it before deleting it.");
                }
            }

            lock (_gate)
            {
                _bots.Remove(id);
            }

            return Task.FromResult(managed);
        }).ConfigureAwait(false);
        if (_options.Store is { } store)
        {
            await store.Bots.DeleteAsync(id, cancellation).ConfigureAwait(false);
        }

        await managed.Publisher.CompleteAsync(_options.DrainTimeout).ConfigureAwait(false);
        managed.Dispose();
        _log.LogInformation("Bot {BotId} deleted", id);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the bot's pipeline between two events (or after its last run ended):
    /// a consistent look at its portfolio, orders or performance.
    /// </summary>
    public async Task<T> InspectAsync<T>(string id, Func<TradingPipeline, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var managed = Find(id);
        Bot? bot;
        lock (managed.State)
        {
            bot = managed.Bot;
        }

        if (bot is null)
        {
            throw new BotStateException(id, BotStatus.Created, $"Bot '{id}' has not been started: it has no portfolio yet.");
        }

        if (bot.State == BotState.Running)
        {
            try
            {
                return await bot.InvokeAsync(read).ConfigureAwait(false);
            }
            catch (InvalidOperationException) when (bot.State != BotState.Running)
            {
                // It ended meanwhile: its pipeline is now safe to read from here.
            }
        }

        await bot.Completion.ConfigureAwait(false);
        return read(bot.Pipeline);
    }

    /// <summary>Stops every running bot (each after the event in hand) and waits for them.</summary>
    public async Task StopAllAsync(CancellationToken cancellation = default)
    {
        ManagedBot[] bots;
        lock (_gate)
        {
            bots = [.. _bots.Values];
        }

        await Task.WhenAll(bots.Select(bot => StopAsync(bot.Id, cancellation))).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops every running bot as <see cref="StopAllAsync"/> does, for the host's shutdown: the store keeps them
    /// Running or Paused (and their journals are committed), so the next start's <see cref="RestoreAsync"/> resumes them.
    /// </summary>
    public Task ShutdownAsync(CancellationToken cancellation = default)
    {
        _shuttingDown = true;
        return StopAllAsync(cancellation);
    }

    /// <summary>Stops every bot (as <see cref="ShutdownAsync"/>) and publishes their last events; the bus is the caller's to dispose.</summary>
    public async ValueTask DisposeAsync()
    {
        _shuttingDown = true;
        _plugins.Changed -= OnPluginChanged;
        OrchestratorMetrics.Untrack(this);
        await StopAllAsync().ConfigureAwait(false);
        ManagedBot[] bots;
        lock (_gate)
        {
            bots = [.. _bots.Values];
            _bots.Clear();
        }

        foreach (var bot in bots)
        {
            await bot.Publisher.CompleteAsync(_options.DrainTimeout).ConfigureAwait(false);
            bot.Dispose();
        }
    }

    private BotInfo Add(BotRecipe recipe, IMarketFeed feed)
    {
        var id = recipe.Definition.Id;
        var publisher = new BotEventPublisher(id, _events, _options.EventBufferCapacity, _log);
        var managed = new ManagedBot(recipe, feed, publisher);
        lock (_gate)
        {
            if (!_bots.TryAdd(id, managed))
            {
                throw new BotDefinitionException(id, [new BotDefinitionError("id", $"a bot '{id}' already exists")]);
            }
        }

        _log.LogInformation("Bot {BotId} created: {Strategies} on {Instruments}, {Mode}", id,
            string.Join(", ", recipe.Definition.Strategies.Select(s => s.PluginId)), string.Join(", ", recipe.Instruments), recipe.Definition.Mode);
        Announce(managed, BotStatus.Created, null);
        return managed.Snapshot();
    }

    private void EnsureRunsBots(BotDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!_options.RunsBots)
        {
            throw new BotsNotRunHereException(definition.Id);
        }
    }

    private ManagedBot Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_gate)
        {
            return _bots.TryGetValue(id, out var managed) ? managed : throw new BotNotFoundException(id);
        }
    }

    /// <summary>Runs one life-cycle step of a bot (start, stop, delete) with no other step of it under way.</summary>
    private static async Task<T> OneStepAtATime<T>(ManagedBot managed, CancellationToken cancellation, Func<ManagedBot, Task<T>> step)
    {
        await managed.Steps.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            return await step(managed).ConfigureAwait(false);
        }
        finally
        {
            managed.Steps.Release();
        }
    }

    private BotInfo Shift(string id, BotStatus from, BotStatus to, Action<Bot> change)
    {
        var managed = Find(id);
        lock (managed.State)
        {
            if (managed.Status != from || managed.Bot is null)
            {
                throw new BotStateException(id, managed.Status, $"Bot '{id}' is {managed.Status}; only a {from} bot can be made {to}.");
            }

            change(managed.Bot);
            managed.Status = to;
        }

        Announce(managed, to, null);
        return managed.Snapshot();
    }

    private async Task BeginRunAsync(ManagedBot managed, bool resume)
    {
        Bot bot;
        BotJournal? journal;
        try
        {
            journal = await OpenJournalAsync(managed, resume).ConfigureAwait(false);
            var options = managed.Recipe.CreateOptions(_options.LoggerFactory, _options.InputCapacity);
            bot = _plugins.StartBot(options with { Pipeline = options.Pipeline with { Journal = journal } });
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or PluginFaultException or System.Data.Common.DbException)
        {
            lock (managed.State)
            {
                managed.Status = BotStatus.Failed;
                managed.Reason = $"could not start: {e.Message}";
            }

            Announce(managed, BotStatus.Failed, managed.Reason);
            return;
        }

        var sink = new BotEventSink(bot.Pipeline, managed.Publisher.Writer);
        // Subscribed on the bot's thread before the first bar is posted, so no event goes unheard.
        await bot.InvokeAsync(pipeline =>
        {
            journal?.Attach(pipeline);
            pipeline.Events.Subscribe(sink);
            return true;
        }).ConfigureAwait(false);
        var feedStop = new CancellationTokenSource();
        lock (managed.State)
        {
            managed.FeedStop?.Dispose();
            managed.FeedStop = feedStop;
            managed.Bot = bot;
            managed.Sink = sink;
            managed.Journal = journal;
            managed.StopRequested = false;
            managed.ResetBarsFed();
            managed.StartedAt = _options.TimeProvider.GetUtcNow();
            managed.EndedAt = null;
            managed.Status = BotStatus.Running;
            managed.Reason = null;
        }

        Announce(managed, BotStatus.Running, null);
        managed.Run = Task.Run(() => RunAsync(managed, bot, feedStop));
    }

    private async Task EndRunAsync(ManagedBot managed, CancellationToken cancellation)
    {
        Bot? bot;
        lock (managed.State)
        {
            if (managed.Status is not (BotStatus.Running or BotStatus.Paused))
            {
                return;
            }

            managed.StopRequested = true;
            bot = managed.Bot;
        }

        bot?.Stop();
        await managed.FeedStop!.CancelAsync().ConfigureAwait(false);
        await managed.Run.WaitAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Feeds the bot until its feed ends, it is stopped, or it ends by itself; then sets the run's final status.</summary>
    private async Task RunAsync(ManagedBot managed, Bot bot, CancellationTokenSource feedStop)
    {
        // A bot that halts ends its feed at once, even one waiting a minute for its next bar.
        var botEnded = bot.Completion.ContinueWith(_ => feedStop.Cancel(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Exception? feedFault = null;
        try
        {
            await FeedAsync(managed, bot, feedStop.Token).ConfigureAwait(false);
            bot.CompleteInput();
        }
        catch (OperationCanceledException) when (feedStop.IsCancellationRequested)
        {
            // Stopped, or the bot ended by itself: its own state says which.
        }
        catch (Exception e)
        {
            feedFault = e;
            bot.Stop();
        }

        await bot.Completion.ConfigureAwait(false);
        await botEnded.ConfigureAwait(false);
        await ReleasedByHostAsync(bot).ConfigureAwait(false);
        feedFault ??= FlushJournal(managed, bot);
        var (status, reason) = Outcome(managed, bot, feedFault);
        // The run is over: its pipeline may be read from here.
        _log.LogInformation(
            "Bot {BotId}: {Bars} bars processed; equity {Equity} {Quote}, {Fees} in fees",
            managed.Id, bot.EventsProcessed, bot.Pipeline.Portfolio.Equity, managed.Recipe.Instruments[0].QuoteAsset, bot.Pipeline.Portfolio.TotalFees);
        lock (managed.State)
        {
            managed.Status = status;
            managed.Reason = reason;
            managed.EndedAt = _options.TimeProvider.GetUtcNow();
        }

        Announce(managed, status, reason);
    }

    /// <summary>
    /// Waits (briefly) until the plugin host has let go of a finished bot, so that a start right after the
    /// final status is not refused for a bot of the same name still running there.
    /// </summary>
    private async Task ReleasedByHostAsync(Bot bot)
    {
        for (var waited = 0; waited < 5_000 && _plugins.Bots.Contains(bot); waited++)
        {
            await Task.Delay(1).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Posts the feed's bars to the bot, gathered into time steps: the bars of several instruments that open
    /// together are one step, posted once it has a bar of every instrument or a later bar shows it is complete.
    /// </summary>
    private async Task FeedAsync(ManagedBot managed, Bot bot, CancellationToken cancellation)
    {
        var instruments = managed.Recipe.Instruments;
        var known = instruments.ToHashSet();
        var step = new List<(Instrument Instrument, Bar Bar)>(instruments.Count);
        var bars = managed.Feed is IResumableFeed resumable && managed.Journal is { } journal
            ? resumable.ReadAsync(journal.ReplayThroughMs, cancellation)
            : managed.Feed.ReadAsync(cancellation);
        await foreach (var item in bars.ConfigureAwait(false))
        {
            if (!known.Contains(item.Instrument))
            {
                throw new InvalidDataException($"the feed sent a bar of {item.Instrument.Symbol}, which the bot does not trade");
            }

            if (step.Count > 0 && (item.Bar.OpenTime != step[0].Bar.OpenTime || step.Exists(bar => bar.Instrument == item.Instrument))
                && !await PostAsync(managed, bot, step, cancellation).ConfigureAwait(false))
            {
                return;
            }

            step.Add((item.Instrument, item.Bar));
            if (step.Count == instruments.Count && !await PostAsync(managed, bot, step, cancellation).ConfigureAwait(false))
            {
                return;
            }
        }

        if (step.Count > 0)
        {
            await PostAsync(managed, bot, step, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Posts a gathered step and empties it; false once the bot takes no more.</summary>
    private async Task<bool> PostAsync(ManagedBot managed, Bot bot, List<(Instrument Instrument, Bar Bar)> step, CancellationToken cancellation)
    {
        await managed.Publisher.WaitForRoomAsync(cancellation).ConfigureAwait(false);
        var posted = step.Count == 1
            ? await bot.PostAsync(step[0].Instrument, step[0].Bar, cancellation).ConfigureAwait(false)
            : await bot.PostStepAsync(step, cancellation).ConfigureAwait(false);
        if (posted)
        {
            managed.CountBarsFed(step.Count);
            if (_latest is not null)
            {
                await _latest.StepAsync(managed, step).ConfigureAwait(false);
            }
        }

        step.Clear();
        return posted;
    }

    private static (BotStatus Status, string Reason) Outcome(ManagedBot managed, Bot bot, Exception? feedFault)
    {
        if (feedFault is not null)
        {
            return (BotStatus.Failed, $"the feed failed: {feedFault.GetType().Name}: {feedFault.Message}");
        }

        if (bot.State == BotState.Halted)
        {
            return (BotStatus.Failed, bot.HaltReason ?? "halted");
        }

        lock (managed.State)
        {
            return managed.StopRequested
                ? (BotStatus.Stopped, "stopped on request")
                : (BotStatus.Stopped, $"the feed ended after {managed.BarsFed} bars");
        }
    }

    /// <summary>Logs a status change, publishes it as the bot's event and tells <see cref="StatusChanged"/>.</summary>
    private void Announce(ManagedBot managed, BotStatus status, string? reason)
    {
        if (status != BotStatus.Created)
        {
            var level = status == BotStatus.Failed ? LogLevel.Error : LogLevel.Information;
            _log.Log(level, "Bot {BotId} {Status}{Reason}", managed.Id, status, reason is null ? "" : $": {reason}");
        }

        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        // Created is stored with the definition; a stop for the host's shutdown is not stored, so the next start resumes.
        if (_options.Store is { } store && status != BotStatus.Created && !(_shuttingDown && status == BotStatus.Stopped))
        {
            store.Bots.SetStatusAsync(managed.Id, Stored(status), now).GetAwaiter().GetResult();
        }

        managed.Publisher.Post(BotEventPayloads.BotState(now, status, reason));
        _latest?.Write(managed);
        StatusChanged?.Invoke(this, managed.Snapshot());
    }

    private void OnPluginChanged(object? sender, PluginHostEvent change)
    {
        var (pluginId, status, reason, botId) = change switch
        {
            PluginQuarantined q => (q.PluginId, "Malfunctioned", q.Reason, q.Bot),
            StrategySwapped s => (s.PluginId, "Swapped", s.Describe(), s.Bot),
            SwapRejected r => (r.PluginId, "SwapRejected", r.Reason, r.Bot),
            PluginActivated a => (a.PluginId, "Active", a.Describe(), null),
            PluginStatusChanged c => (c.PluginId, c.Status.ToString(), c.Reason, null),
            PluginRejected { PluginId: { } id } r => (id, r.Status.ToString(), r.Reason, null),
            _ => (null, "", "", null),
        };
        if (pluginId is null)
        {
            return;
        }

        ManagedBot[] concerned;
        lock (_gate)
        {
            concerned = [.. _bots.Values.Where(bot => botId is null
                ? bot.Recipe.Definition.Strategies.Any(s => s.PluginId == pluginId)
                : bot.Id == botId)];
        }

        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var bot in concerned)
        {
            bot.Publisher.Post(BotEventPayloads.PluginStatus(now, pluginId, status, reason));
        }
    }
}
