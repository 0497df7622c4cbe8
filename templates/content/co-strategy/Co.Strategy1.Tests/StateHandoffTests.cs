using System.Buffers;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Strategy1.Tests;

public class StateHandoffTests
{
    // Split after the entry (bar 4): the exit (bar 6) comes after the handoff.
    private const int Split = Scenario.EntryBar + 2;

    private static List<(long Time, SignalDirection Direction, string? Tag)> SignalsFrom(StrategyHarness harness, long fromTime) =>
        [.. harness.Signals.Where(s => s.Time >= fromTime).Select(s => (s.Time, s.Signal.Direction, s.Signal.Tag))];

    [Fact]
    public void RestoredInstance_ContinuesExactlyAsTheSavedOne()
    {
        var bars = Scenario.BreakoutThenExit;
        var before = bars.Take(Split).ToList();
        var after = bars.Skip(Split).ToList();
        var original = new Co_Strategy1Strategy();
        var running = new StrategyHarness(original, Scenario.Options()).Feed(before);

        var payload = new ArrayBufferWriter<byte>();
        original.SaveState(payload);
        var successor = new Co_Strategy1Strategy();
        var swapped = new StrategyHarness(successor, Scenario.Options());
        successor.RestoreState(original.StateVersion, payload.WrittenSpan);
        var fresh = new StrategyHarness(new Co_Strategy1Strategy(), Scenario.Options());

        running.Feed(after);
        swapped.Feed(after);
        fresh.Feed(after);

        var expected = SignalsFrom(running, after[0].OpenTime);
        Assert.Contains(expected, s => s.Tag == "channel-exit");
        Assert.Equal(expected, SignalsFrom(swapped, after[0].OpenTime));
        // Without the handoff the new instance knows neither the position nor the channel.
        Assert.NotEqual(expected, SignalsFrom(fresh, after[0].OpenTime));
    }

    [Fact]
    public void SaveState_LeavesTheRunningInstanceUnchanged()
    {
        var bars = Scenario.BreakoutThenExit;
        var saving = new Co_Strategy1Strategy();
        var quiet = new Co_Strategy1Strategy();
        var withSave = new StrategyHarness(saving, Scenario.Options()).Feed(bars.Take(Split));
        var withoutSave = new StrategyHarness(quiet, Scenario.Options()).Feed(bars.Take(Split));

        saving.SaveState(new ArrayBufferWriter<byte>());
        withSave.Feed(bars.Skip(Split));
        withoutSave.Feed(bars.Skip(Split));

        Assert.Equal(SignalsFrom(withoutSave, 0), SignalsFrom(withSave, 0));
    }

    [Fact]
    public void RestoreState_OfAnUnknownVersion_IsRefused()
    {
        var original = new Co_Strategy1Strategy();
        new StrategyHarness(original, Scenario.Options()).Feed(Scenario.BreakoutThenExit.Take(Split));
        var payload = new ArrayBufferWriter<byte>();
        original.SaveState(payload);
        var successor = new Co_Strategy1Strategy();
        _ = new StrategyHarness(successor, Scenario.Options());

        var error = Assert.Throws<NotSupportedException>(() => successor.RestoreState(original.StateVersion + 1, payload.WrittenSpan));

        Assert.Contains(successor.Metadata.Id, error.Message, StringComparison.Ordinal);
    }
}
