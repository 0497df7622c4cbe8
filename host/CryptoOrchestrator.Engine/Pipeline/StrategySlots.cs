using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The pipeline's strategies by slot: the instance running in each, whether it is quarantined,
/// and the one door every event goes through to reach it — quarantine check, probe, fault policy.
/// </summary>
/// <remarks>
/// Quarantine requests may come from any thread (a watchdog); they are queued under a lock and
/// applied by the pipeline thread at the next callback, which costs that thread one volatile read
/// per callback. A quarantined slot's instance is let go of (never disposed here: it may be stuck or
/// broken), so its owner can unload it while the run goes on.
/// </remarks>
internal sealed class StrategySlots
{
    private readonly string[] _ids;
    private readonly IStrategy?[] _instances;
    private readonly StrategyContext?[] _contexts;
    private readonly bool[] _quarantined;
    private readonly string?[] _quarantineReasons;
    private readonly SignalBook _signals;
    private readonly IClock _clock;
    private readonly FaultPolicy _policy;
    private readonly Action<PluginFault>? _observer;
    private readonly Lock _requestsGate = new();
    private readonly List<(int Slot, string Reason)> _requests = [];
    private volatile bool _requested;

    /// <summary>Slots for strategies with <paramref name="ids"/>; each is empty until <see cref="Install"/>.</summary>
    public StrategySlots(string[] ids, SignalBook signals, IClock clock, PipelineSetup setup)
    {
        _ids = ids;
        Ids = Array.AsReadOnly(_ids);
        _instances = new IStrategy?[_ids.Length];
        _contexts = new StrategyContext?[_ids.Length];
        _quarantined = new bool[_ids.Length];
        _quarantineReasons = new string?[_ids.Length];
        _signals = signals;
        _clock = clock;
        _policy = setup.FaultPolicy;
        _observer = setup.FaultObserver;
        Probe = new CallbackProbe(_ids);
    }

    public int Count => _ids.Length;

    public IReadOnlyList<string> Ids { get; }

    public CallbackProbe Probe { get; }

    public string IdOf(int slot) => _ids[slot];

    /// <summary>The instance running in <paramref name="slot"/>; null once it is quarantined.</summary>
    public IStrategy? InstanceIn(int slot) => _instances[slot];

    public bool IsQuarantined(int slot) => Volatile.Read(ref _quarantined[slot]);

    public string? QuarantineReason(int slot) => Volatile.Read(ref _quarantineReasons[slot]);

    /// <summary>The slot of <paramref name="pluginId"/>; throws naming the id and the ids present.</summary>
    public int SlotOf(string pluginId)
    {
        ArgumentNullException.ThrowIfNull(pluginId);
        var slot = Array.IndexOf(_ids, pluginId);
        return slot >= 0
            ? slot
            : throw new ArgumentException($"No strategy '{pluginId}' runs in this pipeline; its strategies are: {string.Join(", ", _ids)}.", nameof(pluginId));
    }

    /// <summary>
    /// Puts <paramref name="instance"/> to work in <paramref name="slot"/> with <paramref name="context"/>:
    /// the instance it replaces is cut off from the run, and a quarantine of the slot ends.
    /// </summary>
    public void Install(int slot, IStrategy instance, StrategyContext context)
    {
        _contexts[slot]?.CutOff();
        _instances[slot] = instance;
        _contexts[slot] = context;
        Volatile.Write(ref _quarantineReasons[slot], null);
        Volatile.Write(ref _quarantined[slot], false);
    }

    /// <summary>Delivers one event to the strategy in <paramref name="slot"/>, unless it is quarantined. Allocation-free.</summary>
    public void Dispatch<TCallback>(int slot, TCallback callback)
        where TCallback : IStrategyCallback, allows ref struct
    {
        if (_requested)
        {
            ApplyRequests();
        }

        if (_quarantined[slot])
        {
            return;
        }

        try
        {
            using var scope = Probe.Enter(slot, TCallback.Phase);
            callback.Invoke(_instances[slot]!);
        }
        catch (Exception ex) when (IsTheStrategysFault(slot, ex))
        {
            Contain(slot, CallbackPhases.NameOf(TCallback.Phase)!, ex);
        }
    }

    /// <summary>
    /// Lets go of every instance and context once no more events will come, so the load contexts
    /// they came from can be unloaded while the pipeline's results are still read.
    /// </summary>
    public void ReleaseAll()
    {
        for (var slot = 0; slot < _ids.Length; slot++)
        {
            _contexts[slot]?.CutOff();
            _contexts[slot] = null;
            _instances[slot] = null;
            Volatile.Write(ref _quarantineReasons[slot], "the run has ended");
            Volatile.Write(ref _quarantined[slot], true);
        }
    }

    /// <summary>Asks for <paramref name="pluginId"/> to be quarantined at the next callback boundary. Thread-safe.</summary>
    public void RequestQuarantine(string pluginId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var slot = SlotOf(pluginId);
        lock (_requestsGate)
        {
            _requests.Add((slot, reason));
            _requested = true;
        }
    }

    /// <summary>Applies the quarantines asked for from other threads; pipeline thread only.</summary>
    public void ApplyRequests()
    {
        lock (_requestsGate)
        {
            foreach (var (slot, reason) in _requests)
            {
                Quarantine(slot, reason);
            }

            _requests.Clear();
            _requested = false;
        }
    }

    /// <summary>
    /// A PluginFaultException raised further down (a risk rule, an execution algorithm, a nested
    /// callback under Halt) is not this strategy's and passes through; so does the strategy's own
    /// malformed signal under Halt, which already names it.
    /// </summary>
    private bool IsTheStrategysFault(int slot, Exception ex) =>
        ex is not PluginFaultException fault
        || (_policy == FaultPolicy.ContinueWithout && fault.Phase == CallbackPhases.Emit && fault.PluginId == _ids[slot]);

    private void Contain(int slot, string phase, Exception ex)
    {
        if (_policy == FaultPolicy.Halt)
        {
            throw new PluginFaultException(_ids[slot], phase, ex);
        }

        if (ex is PluginFaultException { InnerException: { } inner } ownSignal)
        {
            (phase, ex) = (ownSignal.Phase, inner);
        }

        Quarantine(slot, $"{phase} threw {ex.GetType().FullName}: {ex.Message}");
        Report(_ids[slot], phase, ex);
    }

    /// <summary>Tells the fault observer, in strings only, what <paramref name="pluginId"/> threw.</summary>
    public void Report(string pluginId, string phase, Exception ex) =>
        _observer?.Invoke(new PluginFault(pluginId, phase, ex.GetType().FullName ?? ex.GetType().Name, ex.Message, ex.ToString(), _clock.NowMs));

    private void Quarantine(int slot, string reason)
    {
        if (_quarantined[slot])
        {
            return;
        }

        _contexts[slot]?.CutOff();
        _instances[slot] = null;
        _signals.Withdraw(slot);
        Volatile.Write(ref _quarantineReasons[slot], reason);
        Volatile.Write(ref _quarantined[slot], true);
    }
}
