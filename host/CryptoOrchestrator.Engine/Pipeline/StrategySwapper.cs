using System.Buffers;
using System.Diagnostics;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Puts a new instance of a strategy in the place of the running one, between events, without
/// touching the slot's ledger, positions, orders or last signals: by state handoff when both
/// instances are <see cref="IStatefulPlugin"/>, otherwise by replaying recent bars to the new one.
/// </summary>
/// <remarks>
/// Everything that can throw runs before anything changes: the replacement is prepared in a staged
/// context (nothing it does reaches the run, its state-store writes wait), and only when it has
/// initialised, restored and replayed without throwing is it installed. So a rejected swap leaves
/// the running instance exactly as a run without the attempt would have it.
/// </remarks>
internal sealed class StrategySwapper(StrategySlots slots, StrategyContexts contexts, BarHistory? history, Instrument[] instruments)
{
    // Reused from swap to swap: a payload is read by the replacement before the next swap can start.
    private readonly ArrayBufferWriter<byte> _payload = new();

    public StrategySwapReport Swap(int slot, IStrategy replacement, IParameterSet parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, slots.Count);
        ArgumentNullException.ThrowIfNull(replacement);
        ArgumentNullException.ThrowIfNull(parameters);
        if (slots.Probe.IsInside)
        {
            throw new InvalidOperationException($"A strategy can be swapped only between events, not from inside the callback {slots.Probe.Phase} of '{slots.Probe.PluginId}'.");
        }

        var started = Stopwatch.GetTimestamp();
        slots.ApplyRequests();
        var id = slots.IdOf(slot);
        var running = slots.InstanceIn(slot);
        CheckIdentity(slot, running, replacement);

        var staged = contexts.Staged(slot, id, parameters);
        var handoff = running is IStatefulPlugin && replacement is IStatefulPlugin;
        var phase = handoff ? CallbackPhase.SaveState : CallbackPhase.Initialize;
        var replayed = 0;
        try
        {
            if (handoff)
            {
                var version = Save(slot, (IStatefulPlugin)running!);
                phase = CallbackPhase.Initialize;
                Initialize(slot, replacement, staged.Context);
                phase = CallbackPhase.RestoreState;
                using (slots.Probe.Enter(slot, phase))
                {
                    ((IStatefulPlugin)replacement).RestoreState(version, _payload.WrittenSpan);
                }
            }
            else
            {
                Initialize(slot, replacement, staged.Context);
                phase = CallbackPhase.ReplayOnBar;
                replayed = Replay(slot, replacement, staged.Clock);
            }
        }
        catch (Exception ex)
        {
            throw new StrategySwapRejectedException(id, CallbackPhases.NameOf(phase)!, ex);
        }

        staged.Commit();
        slots.Install(slot, replacement, staged.Context);
        Retire(slot, running);
        var payloadBytes = handoff ? _payload.WrittenCount : 0;
        return new StrategySwapReport(id, handoff ? SwapMode.StateHandoff : SwapMode.WarmReplay, replayed, payloadBytes, Stopwatch.GetElapsedTime(started));
    }

    private void CheckIdentity(int slot, IStrategy? running, IStrategy replacement)
    {
        var id = slots.IdOf(slot);
        if (ReferenceEquals(running, replacement))
        {
            throw new ArgumentException($"The replacement for '{id}' is the instance already running in slot {slot}; pass a new instance.", nameof(replacement));
        }

        string replacementId;
        try
        {
            using (slots.Probe.Enter(slot, CallbackPhase.Metadata))
            {
                replacementId = replacement.Metadata.Id;
            }
        }
        catch (Exception ex)
        {
            throw new StrategySwapRejectedException(id, CallbackPhases.Metadata, ex);
        }

        if (!string.Equals(replacementId, id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Slot {slot} runs strategy '{id}'; a replacement must have the same id, not '{replacementId}'.", nameof(replacement));
        }
    }

    /// <summary>The running instance's state into the reused buffer; returns the version it was written with.</summary>
    private int Save(int slot, IStatefulPlugin running)
    {
        _payload.ResetWrittenCount();
        using (slots.Probe.Enter(slot, CallbackPhase.SaveState))
        {
            var version = running.StateVersion;
            running.SaveState(_payload);
            return version;
        }
    }

    private void Initialize(int slot, IStrategy replacement, IStrategyContext context)
    {
        using (slots.Probe.Enter(slot, CallbackPhase.Initialize))
        {
            replacement.Initialize(context);
        }
    }

    /// <summary>Re-feeds the recent bars, with the replacement's clock at each bar's close.</summary>
    private int Replay(int slot, IStrategy replacement, ReplayClock clock)
    {
        if (history is null)
        {
            return 0;
        }

        var bars = history.InOrder();
        foreach (ref readonly var past in bars)
        {
            clock.ReplayAt(past.Bar.CloseTime);
            using (slots.Probe.Enter(slot, CallbackPhase.ReplayOnBar))
            {
                replacement.OnBar(instruments[past.Instrument], past.Bar);
            }
        }

        return bars.Length;
    }

    /// <summary>
    /// Disposes the instance swapped out. The swap has committed by then, so a Dispose that throws
    /// cannot undo it; it is reported to the fault observer instead of failing the swap.
    /// </summary>
    private void Retire(int slot, IStrategy? running)
    {
        if (running is not IDisposable disposable)
        {
            return;
        }

        try
        {
            using (slots.Probe.Enter(slot, CallbackPhase.Dispose))
            {
                disposable.Dispose();
            }
        }
        catch (Exception ex)
        {
            slots.Report(slots.IdOf(slot), CallbackPhases.Dispose, ex);
        }
    }
}
