using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Tests.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Execution;

/// <summary>
/// However signals interrupt working parents, the position settles on the last signal's target:
/// never beyond it (a retarget counts what is still working) and never short of it.
/// </summary>
public class TwapPropertyTests
{
    private const int SignalBars = 60;
    private const int QuietBars = 12;

    [Fact]
    public void Position_SettlesOnTheLastTarget_ForRandomSignals()
    {
        var cases =
            from seed in Gen.Choose(1, 1_000_000)
            from slices in Gen.Choose(1, 5)
            from exclusive in Gen.Elements(false, true)
            from atClose in Gen.Elements(false, true)
            select (seed, slices, exclusive, atClose);

        Prop.ForAll(cases.ToArbitrary(), c => RunAndCheck(c.seed, c.slices, c.exclusive, c.atClose)).QuickCheckThrowOnFailure();
    }

    private static void RunAndCheck(int seed, int slices, bool exclusive, bool atClose)
    {
        var random = new Random(seed);
        var script = new List<(int Bar, SignalDirection Direction, double Strength)>();
        for (var bar = 0; bar < SignalBars; bar++)
        {
            if (random.Next(3) == 0)
            {
                script.Add((bar, (SignalDirection)random.Next(-1, 2), random.Next(1, 11) / 10.0));
            }
        }

        var strategy = SignalScript.Emit(Btc, [.. script]);
        var setup = Setup(strategy) with
        {
            Execution = () => new TwapExecution(slices),
            PositionMode = exclusive ? PositionMode.Exclusive : PositionMode.Netting,
            Exchange = new SimulatedExchangeOptions { FillTiming = atClose ? FillTiming.SignalClose : FillTiming.NextOpen },
        };

        var result = Run(setup, Bars.RandomWalk(Btc, seed, SignalBars + QuietBars));

        var last = script.Count == 0 ? default : script[^1];
        var expected = Quantity.FromDecimal((int)last.Direction * (decimal)last.Strength);
        var held = result.OpenPositions.Count == 0 ? Quantity.Zero : result.OpenPositions[0].Quantity;
        Assert.Equal(expected, held);
    }
}
