using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class BarHistoryTests
{
    [Fact]
    public void KeepsTheLatestBarsOfEachInstrument_InTheOrderTheyWereRecorded()
    {
        var history = new BarHistory(depth: 2, instruments: 2);
        int[] instrumentOfEach = [0, 1, 0, 1, 0, 0, 0];
        for (var i = 0; i < instrumentOfEach.Length; i++)
        {
            history.Record(instrumentOfEach[i], BarNumber(i));
        }

        Assert.Equal([(1, 1L), (1, 3L), (0, 5L), (0, 6L)], history.InOrder().ToArray().Select(h => (h.Instrument, h.Bar.OpenTime)));
    }

    [Fact]
    public void InOrder_IsTheRecordedSequenceWithoutWhatEachRingDropped_ForAnyInterleaving()
    {
        var cases =
            from depth in Gen.Choose(1, 6)
            from instruments in Gen.Choose(1, 4)
            from order in Gen.ListOf(Gen.Choose(0, instruments - 1))
            select (depth, instruments, order: order.ToArray());

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var history = new BarHistory(c.depth, c.instruments);
            for (var i = 0; i < c.order.Length; i++)
            {
                history.Record(c.order[i], BarNumber(i));
            }

            // What should remain: of each instrument's bars, the last `depth`, in recorded order.
            var expected = c.order
                .Select((instrument, i) => (Instrument: instrument, Time: (long)i))
                .Where((bar, i) => c.order.Skip(i + 1).Count(later => later == bar.Instrument) < c.depth);
            Assert.Equal(expected, history.InOrder().ToArray().Select(h => (h.Instrument, h.Bar.OpenTime)));
        }).QuickCheckThrowOnFailure();
    }

    private static Bar BarNumber(int i) => new(i, i, Price.FromDecimal(1m), Price.FromDecimal(1m), Price.FromDecimal(1m), Price.FromDecimal(1m), Quantity.Zero);
}
