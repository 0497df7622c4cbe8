using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// A pipeline running live on a thread of its own. It takes market events in the order they were
/// posted and, between two events, runs control work such as a hot swap — so a swap never splits an
/// event, and nothing is lost or seen twice across it. It can be paused (it takes no event, control work
/// still runs) and stopped, both at an event boundary. Create bots with <see cref="Hosting.PluginHost.StartBot"/>.
/// </summary>
public sealed class Bot : IDisposable
{
    private readonly Channel<MarketEvent> _events;
    private readonly ConcurrentQueue<BotControl> _control = new();
    // Set whenever the loop should look again while paused: control work, resume, stop or halt.
    private readonly ManualResetEventSlim _attention = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<Bot, PluginFaultException> _onHaltingFault;
    private readonly Thread _thread;
    private int _controlPending;
    private long _eventsProcessed;
    private volatile BotState _state = BotState.Running;
    private volatile string? _haltReason;
    private volatile bool _paused;
    private volatile bool _stopRequested;
    // The bars of the step being gathered (all but its last), processed together when the last arrives.
    private readonly Instrument[] _stepInstruments;
    private readonly Bar[] _stepBars;
    private int _stepCount;

    internal Bot(BotOptions options, TradingPipeline pipeline, Action<Bot, PluginFaultException> onHaltingFault)
    {
        _events = options.InputCapacity is { } capacity
            ? Channel.CreateBounded<MarketEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateUnbounded<MarketEvent>(new UnboundedChannelOptions { SingleReader = true });
        Options = options;
        Pipeline = pipeline;
        _stepInstruments = new Instrument[options.Instruments.Count];
        _stepBars = new Bar[options.Instruments.Count];
        _onHaltingFault = onHaltingFault;
        Meters = new BotMeters(options.Name);
        pipeline.Events.Subscribe(Meters);
        _thread = new Thread(Loop) { IsBackground = true, Name = $"bot {options.Name}" };
    }

    /// <summary>The bot's name.</summary>
    public string Name => Options.Name;

    /// <summary>What it was started with.</summary>
    public BotOptions Options { get; }

    /// <summary>Running (perhaps paused), completed, stopped or halted.</summary>
    public BotState State => _state;

    /// <summary>Why the bot halted; null unless <see cref="State"/> is <see cref="BotState.Halted"/>.</summary>
    public string? HaltReason => _haltReason;

    /// <summary>True between <see cref="Pause"/> and <see cref="Resume"/>: the bot takes no event, its queue waits.</summary>
    public bool IsPaused => _paused;

    /// <summary>Events fully processed so far.</summary>
    public long EventsProcessed => Interlocked.Read(ref _eventsProcessed);

    /// <summary>Completes when the bot has completed or halted.</summary>
    public Task Completion => _completion.Task;

    /// <summary>The pipeline; read it only through <see cref="InvokeAsync{T}"/> or after <see cref="Completion"/>.</summary>
    public TradingPipeline Pipeline { get; }

    /// <summary>What this run measures for <see cref="OrchestratorMetrics"/>.</summary>
    internal BotMeters Meters { get; }

    /// <summary>Queues one bar; false once the input was completed, or when a bounded queue is full.</summary>
    public bool Post(Instrument instrument, in Bar bar)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (!_events.Writer.TryWrite(new MarketEvent(instrument, bar) { HandedAt = Stopwatch.GetTimestamp() }))
        {
            return false;
        }

        _attention.Set();
        return true;
    }

    /// <summary>
    /// Queues one bar, waiting while a bounded queue (<see cref="BotOptions.InputCapacity"/>) is full:
    /// how a feed is held to the bot's pace. False once the input was completed.
    /// </summary>
    public ValueTask<bool> PostAsync(Instrument instrument, Bar bar, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return PostAsync(new MarketEvent(instrument, bar) { HandedAt = Stopwatch.GetTimestamp() }, cancellation);
    }

    /// <summary>
    /// Queues the bars of one time step (one per instrument, all opening together) as <see cref="PostAsync(Instrument, Bar, CancellationToken)"/>
    /// does; the bot processes them as one step, as a multi-instrument backtest does. False once the input was completed.
    /// </summary>
    public async ValueTask<bool> PostStepAsync(IReadOnlyList<(Instrument Instrument, Bar Bar)> bars, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bars.Count > _stepBars.Length)
        {
            throw new ArgumentException($"A step holds at most one bar per instrument: bot '{Name}' has {_stepBars.Length}, and {bars.Count} bars came.", nameof(bars));
        }

        for (var i = 0; i < bars.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(bars[i].Instrument, nameof(bars));
            if (!await PostAsync(new MarketEvent(bars[i].Instrument, bars[i].Bar) { EndsStep = i == bars.Count - 1, HandedAt = Stopwatch.GetTimestamp() }, cancellation).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private async ValueTask<bool> PostAsync(MarketEvent item, CancellationToken cancellation)
    {
        while (await _events.Writer.WaitToWriteAsync(cancellation).ConfigureAwait(false))
        {
            if (_events.Writer.TryWrite(item))
            {
                _attention.Set();
                return true;
            }
        }

        return false;
    }

    /// <summary>Takes no more events after the one in hand; queued and new events wait. Control work still runs.</summary>
    public void Pause() => _paused = true;

    /// <summary>Takes events again after <see cref="Pause"/>.</summary>
    public void Resume()
    {
        _paused = false;
        _attention.Set();
    }

    /// <summary>
    /// Ends the bot after the event in hand (events still queued are dropped): it becomes
    /// <see cref="BotState.Stopped"/>. Await <see cref="Completion"/> to know it has.
    /// </summary>
    public void Stop()
    {
        _stopRequested = true;
        _events.Writer.TryComplete();
        _attention.Set();
    }

    /// <summary>No more events will come: the bot completes once it has processed those queued.</summary>
    public void CompleteInput()
    {
        _events.Writer.TryComplete();
        _attention.Set();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the bot's thread at the next event boundary: it sees the
    /// pipeline between two events, never inside one. Fails if the bot has stopped.
    /// </summary>
    public Task<T> InvokeAsync<T>(Func<TradingPipeline, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var control = new BotControl<T>(work);
        _control.Enqueue(control);
        Interlocked.Increment(ref _controlPending);
        _attention.Set();
        // The default item wakes a waiting loop. Once the input is complete the loop still runs control
        // before each remaining event and once more at the end; once it has stopped, settle here.
        if (!_events.Writer.TryWrite(default) && _state != BotState.Running)
        {
            AbandonControl();
        }

        return control.Result;
    }

    /// <summary>Stops the bot where it is; the reason is kept. Safe from any thread, and from a watchdog while a plugin hangs.</summary>
    internal void Halt(string reason)
    {
        if (_state != BotState.Running)
        {
            return;
        }

        _haltReason = reason;
        _state = BotState.Halted;
        _events.Writer.TryComplete();
        _attention.Set();
        AbandonControl();
        _completion.TrySetResult();
    }

    internal void Start() => _thread.Start();

    /// <summary>Completes the input and waits briefly for the queued events (a paused bot is stopped).</summary>
    public void Dispose()
    {
        CompleteInput();
        // A paused bot would never get to its queue: it is stopped instead.
        if (_paused)
        {
            Stop();
        }

        // A halted bot is not waited for: its thread may be stuck in a plugin for good (it is a background thread).
        if (_state == BotState.Running && _thread.IsAlive && Thread.CurrentThread != _thread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Loop()
    {
        var reader = _events.Reader;
        try
        {
            while (_state == BotState.Running)
            {
                // Reset before looking, so a wake-up that comes after the look is not lost.
                _attention.Reset();
                if (Volatile.Read(ref _controlPending) != 0)
                {
                    RunControl();
                }

                if (_stopRequested)
                {
                    break;
                }

                if (_paused)
                {
                    _attention.Wait();
                    continue;
                }

                if (reader.TryRead(out var item))
                {
                    // A default item only wakes the loop for control work.
                    if (item.Instrument is not null)
                    {
                        Meters.BeginEvent(item.HandedAt);
                        Take(item);
                        Meters.EndEvent();
                    }

                    continue;
                }

                if (!WaitForMore(reader))
                {
                    RunControl();
                    break;
                }
            }
        }
        catch (PluginFaultException fault)
        {
            _onHaltingFault(this, fault);
            Halt(fault.Message);
        }
        catch (Exception e)
        {
            Halt($"The bot failed: {e.GetType().Name}: {e.Message}");
        }

        if (_state == BotState.Running)
        {
            _state = _stopRequested ? BotState.Stopped : BotState.Completed;
        }

        AbandonControl();
        _completion.TrySetResult();
    }

    /// <summary>Processes a bar, or gathers it into its step and processes the step with its last bar.</summary>
    private void Take(in MarketEvent item)
    {
        if (_stepCount == 0 && item.EndsStep)
        {
            Pipeline.Process(item.Instrument, item.Bar);
            Interlocked.Increment(ref _eventsProcessed);
            return;
        }

        if (_stepCount == _stepBars.Length)
        {
            throw new InvalidOperationException($"a step brought more bars than the bot's {_stepBars.Length} instruments");
        }

        _stepInstruments[_stepCount] = item.Instrument;
        _stepBars[_stepCount++] = item.Bar;
        if (item.EndsStep)
        {
            var bars = _stepCount;
            _stepCount = 0;
            Pipeline.ProcessStep(_stepInstruments.AsSpan(0, bars), _stepBars.AsSpan(0, bars));
            Interlocked.Add(ref _eventsProcessed, bars);
        }
    }

    /// <summary>
    /// Sleeps until something needs the loop; false once the input is complete and every event was taken. Every post,
    /// control request, stop and the end of input set the attention event, so a bar wakes the bot straight from the
    /// posting thread: no thread-pool hop on the way to the bot (its latency), and nothing allocated per wait.
    /// </summary>
    private bool WaitForMore(ChannelReader<MarketEvent> reader)
    {
        // The last TryRead may itself have completed the input; no one would set attention after that.
        if (reader.Completion.IsCompleted)
        {
            return false;
        }

        _attention.Wait();
        return !reader.Completion.IsCompleted;
    }

    private void RunControl()
    {
        while (_control.TryDequeue(out var control))
        {
            Interlocked.Decrement(ref _controlPending);
            control.Run(Pipeline);
        }
    }

    private void AbandonControl()
    {
        while (_control.TryDequeue(out var control))
        {
            Interlocked.Decrement(ref _controlPending);
            control.Abandon(new InvalidOperationException($"Bot '{Name}' is {_state}{(_haltReason is null ? "" : $": {_haltReason}")}."));
        }
    }
}
