using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class CallbackProbeTests
{
    [Fact]
    public void InsideACallback_TheSequenceIsOdd_AndNamesTheStrategyAndCall()
    {
        TradingPipeline pipeline = null!;
        var seen = new List<(long Sequence, string? PluginId, string? Phase)>();
        void Look() => seen.Add((pipeline.Probe.Sequence, pipeline.Probe.PluginId, pipeline.Probe.Phase));
        var strategy = new HookedStrategy("watched")
        {
            EachBar = (ctx, instrument, _, _) =>
            {
                Look();
                // Its New update arrives nested in OnBar; Accepted follows on its own once the order goes out.
                ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(1)));
                Look();
            },
            EachUpdate = _ => Look(),
        };
        var run = new LiveRun(Setup(strategy), 1, Btc);
        pipeline = run.Pipeline;

        run.Feed(Bars.Closes(Btc, 100));

        Assert.Equal(
            [("watched", CallbackPhases.OnBar), ("watched", CallbackPhases.OnOrderUpdate), ("watched", CallbackPhases.OnBar), ("watched", CallbackPhases.OnOrderUpdate)],
            seen.Select(s => (s.PluginId, s.Phase)));
        Assert.All(seen, s => Assert.Equal(1, s.Sequence % 2));
        Assert.True(seen[0].Sequence < seen[1].Sequence && seen[1].Sequence < seen[2].Sequence, "the sequence did not move with the nested callback");
        Assert.Equal(0, pipeline.Probe.Sequence % 2);
    }

    [Fact]
    public void EveryCallback_MovesTheSequenceByTwo()
    {
        var run = new LiveRun(Setup(new HookedStrategy("quiet")), 10, Btc);
        Assert.Equal(2, run.Pipeline.Probe.Sequence); // Initialize

        run.Feed(Bars.RandomWalk(Btc, 3, 10));

        Assert.Equal(2 + (2 * 10), run.Pipeline.Probe.Sequence);
        Assert.Equal(CallbackPhases.OnBar, run.Pipeline.Probe.Phase);
    }

    [Fact]
    public async Task AWatchdogThread_SeesAStrategyStuckInItsCallback()
    {
        using var release = new ManualResetEventSlim();
        var strategy = new HookedStrategy("stuck") { EachBar = (_, _, _, _) => release.Wait(TimeSpan.FromSeconds(30)) };
        var run = new LiveRun(Setup(strategy), 1, Btc);
        var probe = run.Pipeline.Probe;
        var bar = Bars.Closes(Btc, 100).Bars[0];

        var processing = Task.Run(() => run.Pipeline.Process(Btc, bar));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (probe.Sequence % 2 == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
        }

        var (sequence, pluginId, phase) = (probe.Sequence, probe.PluginId, probe.Phase);
        release.Set();
        await processing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1L, "stuck", CallbackPhases.OnBar), (sequence % 2, pluginId, phase));
        Assert.True(processing.IsCompletedSuccessfully);
        Assert.Equal(sequence + 1, probe.Sequence);
    }
}
