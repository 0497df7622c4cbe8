using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Tests.Support;

internal static class StrategyRun
{
    public static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    /// <summary>Hourly bars whose every price is the given close.</summary>
    public static Bar[] FlatBars(params decimal[] closes) =>
        closes.Select((close, i) =>
        {
            var price = Price.FromDecimal(close);
            return new Bar(i * 3_600_000L, ((i + 1) * 3_600_000L) - 1, price, price, price, price, Quantity.FromWhole(1));
        }).ToArray();

    /// <summary>Initializes <paramref name="strategy"/> with its defaults and the overrides, feeds the bars, and returns the context.</summary>
    public static FakeStrategyContext Over(IStrategy strategy, Bar[] bars, params string[] overrides)
    {
        var context = new FakeStrategyContext(strategy.Metadata, overrides);
        strategy.Initialize(context);
        foreach (var bar in bars)
        {
            strategy.OnBar(Btc, bar);
        }

        return context;
    }

    /// <summary>(bar index at which it was emitted, direction, tag) for each signal, by replaying bar by bar.</summary>
    public static (int Bar, SignalDirection Direction, string? Tag)[] Emissions(IStrategy strategy, Bar[] bars, params string[] overrides)
    {
        var context = new FakeStrategyContext(strategy.Metadata, overrides);
        strategy.Initialize(context);
        var emissions = new List<(int, SignalDirection, string?)>();
        for (var i = 0; i < bars.Length; i++)
        {
            strategy.OnBar(Btc, bars[i]);
            emissions.AddRange(context.Signals.Select(s => (i, s.Direction, s.Tag)));
            context.Signals.Clear();
        }

        return [.. emissions];
    }
}
