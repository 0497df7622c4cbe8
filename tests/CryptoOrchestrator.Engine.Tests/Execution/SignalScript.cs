using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Tests.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Execution;

/// <summary>Strategies that emit given signals on given bars, and bars whose opens differ from the previous close.</summary>
internal static class SignalScript
{
    public static ScriptedStrategy Emit(Instrument instrument, params (int Bar, SignalDirection Direction, double Strength)[] signals) =>
        new("scripted", (i, _, ctx) =>
        {
            foreach (var (bar, direction, strength) in signals)
            {
                if (bar == i)
                {
                    ctx.Emit(new Signal(instrument, direction, strength));
                }
            }
        });

    /// <summary>Bar i opens at 100 + 10·i and closes 3 higher, so a fill at an open is told apart from one at a close.</summary>
    public static BarSeries Rising(Instrument instrument, int count) =>
        Bars.Series(instrument, [.. Enumerable.Range(0, count).Select(i => (100m + (10 * i), 100m + (10 * i) + 5, 100m + (10 * i) - 5, 100m + (10 * i) + 3))]);

    /// <summary>The open of bar <paramref name="index"/> of <see cref="Rising"/>.</summary>
    public static Price OpenOf(int index) => Price.FromDecimal(100m + (10 * index));

    public static long OpenTimeOf(int index) => Bars.Start + (index * Bars.Hour);
}
