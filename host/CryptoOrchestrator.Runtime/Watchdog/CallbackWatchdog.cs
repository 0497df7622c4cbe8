using System.Diagnostics;
using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Watchdog;

/// <summary>
/// Watches every bot's plugin callbacks from a thread of its own. A callback still running after its
/// bot's budget is reported once as an overrun; one still running after <see cref="AbandonAfterBudgets"/>
/// budgets is reported as hung — .NET cannot stop a thread, so all the host can do then is halt that bot.
/// Reads only the pipeline's probe: the bot's hot path pays two volatile writes per callback, nothing more.
/// </summary>
internal sealed class CallbackWatchdog : IDisposable
{
    /// <summary>A callback running this many budgets is considered hung.</summary>
    public const int AbandonAfterBudgets = 4;

    private static readonly TimeSpan MinimumTick = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan MaximumTick = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly List<Watch> _watches = [];
    private readonly ManualResetEventSlim _stop = new();
    private readonly Action<CallbackOverrun> _onOverrun;
    private readonly Action<CallbackOverrun> _onHung;
    private readonly Thread _thread;

    public CallbackWatchdog(Action<CallbackOverrun> onOverrun, Action<CallbackOverrun> onHung)
    {
        _onOverrun = onOverrun;
        _onHung = onHung;
        _thread = new Thread(Loop) { IsBackground = true, Name = "callback watchdog" };
        _thread.Start();
    }

    public void Add(Bot bot)
    {
        lock (_gate)
        {
            _watches.Add(new Watch(bot));
        }
    }

    public void Remove(Bot bot)
    {
        lock (_gate)
        {
            _watches.RemoveAll(watch => watch.Bot == bot);
        }
    }

    public void Dispose()
    {
        _stop.Set();
        _thread.Join();
        _stop.Dispose();
    }

    private void Loop()
    {
        while (!_stop.Wait(Tick()))
        {
            Watch[] watches;
            lock (_gate)
            {
                watches = [.. _watches];
            }

            foreach (var watch in watches)
            {
                Check(watch);
            }
        }
    }

    // A fifth of the smallest budget: an overrun is seen at most 20% late.
    private TimeSpan Tick()
    {
        lock (_gate)
        {
            var smallest = _watches.Count == 0 ? MaximumTick : _watches.Min(watch => watch.Bot.Options.CallbackBudget);
            return TimeSpan.FromTicks(Math.Clamp(smallest.Ticks / 5, MinimumTick.Ticks, MaximumTick.Ticks));
        }
    }

    private void Check(Watch watch)
    {
        var probe = watch.Bot.Pipeline.Probe;
        var sequence = probe.Sequence;
        if ((sequence & 1) == 0 || sequence != watch.Sequence)
        {
            // Outside any callback, or in a new one since the last look: start timing afresh.
            watch.Sequence = sequence;
            watch.Since = Stopwatch.GetTimestamp();
            watch.Stage = 0;
            return;
        }

        var budget = watch.Bot.Options.CallbackBudget;
        var running = Stopwatch.GetElapsedTime(watch.Since);
        if (watch.Stage == 0 && running >= budget)
        {
            watch.Stage = 1;
            _onOverrun(new CallbackOverrun(watch.Bot, probe.PluginId ?? "?", probe.Phase ?? "?", running));
        }
        else if (watch.Stage == 1 && running >= budget * AbandonAfterBudgets)
        {
            watch.Stage = 2;
            _onHung(new CallbackOverrun(watch.Bot, probe.PluginId ?? "?", probe.Phase ?? "?", running));
        }
    }

    private sealed class Watch(Bot bot)
    {
        public Bot Bot { get; } = bot;

        public long Sequence { get; set; }

        public long Since { get; set; }

        /// <summary>0 = on time, 1 = overrun reported, 2 = hang reported.</summary>
        public int Stage { get; set; }
    }
}
