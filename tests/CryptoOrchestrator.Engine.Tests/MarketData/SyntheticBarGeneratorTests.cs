using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class SyntheticBarGeneratorTests
{
    private static readonly Instrument Coarse = new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 5m);

    [Fact]
    public void SameSeedAndOptions_GiveIdenticalBars()
    {
        var options = new SyntheticBarOptions { Seed = 42, Count = 5_000 };

        var first = SyntheticBarGenerator.Generate(Coarse, options);
        var second = SyntheticBarGenerator.Generate(Coarse, options with { });

        Assert.True(first.Bars.SequenceEqual(second.Bars));
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentBars()
    {
        var first = SyntheticBarGenerator.Generate(Coarse, new SyntheticBarOptions { Seed = 1 });
        var second = SyntheticBarGenerator.Generate(Coarse, new SyntheticBarOptions { Seed = 2 });

        Assert.False(first.Bars.SequenceEqual(second.Bars));
    }

    [Fact]
    public void EveryBar_IsAValidCandleOnTheTickAndLot_ForAnySeed()
    {
        Prop.ForAll<int>(seed =>
        {
            var series = SyntheticBarGenerator.Generate(Coarse, new SyntheticBarOptions { Seed = seed, Count = 2_000, StartPrice = Price.FromDecimal(3.5m) });
            var bars = series.Bars;
            for (var i = 0; i < bars.Length; i++)
            {
                var bar = bars[i];
                Assert.Null(bar.Inconsistency());
                Assert.True(bar.Low.Units > 0);
                Assert.True(bar.Volume.Units > 0);
                Assert.True(bar.Open.IsMultipleOf(Coarse.TickSize) && bar.High.IsMultipleOf(Coarse.TickSize));
                Assert.True(bar.Low.IsMultipleOf(Coarse.TickSize) && bar.Close.IsMultipleOf(Coarse.TickSize));
                Assert.True(bar.Volume.IsMultipleOf(Coarse.LotSize));
                Assert.Equal(series.Bars[0].OpenTime + (i * series.IntervalMs), bar.OpenTime);
                Assert.Equal(bar.OpenTime + series.IntervalMs - 1, bar.CloseTime);
                if (i > 0)
                {
                    Assert.Equal(bars[i - 1].Close, bar.Open);
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Options_SetStartTimeIntervalAndStartPrice()
    {
        var options = new SyntheticBarOptions { Count = 3, StartTime = 1_600_000_000_000, IntervalMs = 3_600_000, StartPrice = Price.FromDecimal(250.004m) };

        var series = SyntheticBarGenerator.Generate(Coarse, options);

        Assert.Equal(1_600_000_000_000, series.Bars[0].OpenTime);
        Assert.Equal(3_600_000, series.IntervalMs);
        Assert.Equal(Price.FromDecimal(250m), series.Bars[0].Open);
        Assert.Same(Coarse, series.Instrument);
    }

    [Fact]
    public void Regimes_DriveTheDriftAndLastAboutTheirMeanDuration()
    {
        var options = new SyntheticBarOptions { Seed = 7, Count = 200_000 };
        var regimes = new int[options.Count];

        var bars = SyntheticBarGenerator.Generate(Instrument.Spot("BTCUSDT"), options, regimes).Bars.ToArray();

        for (var r = 0; r < options.Regimes.Count; r++)
        {
            var returns = Enumerable.Range(1, bars.Length - 1)
                .Where(i => regimes[i] == r)
                .Select(i => Math.Log(bars[i].Close.ToDouble() / bars[i].Open.ToDouble()))
                .ToArray();
            var regime = options.Regimes[r];
            var standardError = regime.VolatilityPerBar / Math.Sqrt(returns.Length);
            Assert.InRange(returns.Average(), regime.DriftPerBar - (5 * standardError), regime.DriftPerBar + (5 * standardError));
            Assert.InRange(StandardDeviation(returns), regime.VolatilityPerBar * 0.9, regime.VolatilityPerBar * 1.1);
            Assert.InRange(MeanRunLength(regimes, r), regime.MeanDurationBars * 0.7, regime.MeanDurationBars * 1.3);
        }
    }

    [Fact]
    public void QuietSingleRegime_KeepsThePriceFlat()
    {
        var flat = new MarketRegime("flat", 0, 0, 10);

        var series = SyntheticBarGenerator.Generate(Coarse, new SyntheticBarOptions { Regimes = [flat], Count = 100, StartPrice = Price.FromDecimal(10m) });

        Assert.All(series.Bars.ToArray(), bar => Assert.Equal(new[] { 10m, 10m, 10m, 10m }, new[] { bar.Open, bar.High, bar.Low, bar.Close }.Select(p => p.ToDecimal())));
    }

    [Fact]
    public void StrongTrendOverManyBars_StaysPositiveAndInRange()
    {
        var rocket = new MarketRegime("rocket", 0.05, 0.02, 10);

        var series = SyntheticBarGenerator.Generate(Coarse, new SyntheticBarOptions { Regimes = [rocket], Count = 50_000 });

        Assert.All(series.Bars.ToArray(), bar => Assert.InRange(bar.High.ToDecimal(), 0.01m, 100m * 1000m * 1.2m));
    }

    [Theory]
    [InlineData(-1, 60_000, "Count")]
    [InlineData(10, 0, "IntervalMs")]
    public void InvalidOptions_AreRefusedNamingTheOption(int count, long intervalMs, string option)
    {
        var error = Assert.ThrowsAny<ArgumentException>(
            () => SyntheticBarGenerator.Generate(Coarse, new SyntheticBarOptions { Count = count, IntervalMs = intervalMs }));

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void RegimeWithNegativeVolatility_IsRefused()
    {
        var options = new SyntheticBarOptions { Regimes = [new MarketRegime("odd", 0, -0.1, 5)] };

        var error = Assert.Throws<ArgumentException>(() => SyntheticBarGenerator.Generate(Coarse, options));

        Assert.Contains("odd", error.Message, StringComparison.Ordinal);
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static double MeanRunLength(int[] regimes, int regime)
    {
        var runs = 0;
        var length = 0;
        for (var i = 0; i < regimes.Length; i++)
        {
            if (regimes[i] == regime && (i == 0 || regimes[i - 1] != regime))
            {
                runs++;
            }

            length += regimes[i] == regime ? 1 : 0;
        }

        return length / (double)runs;
    }
}
