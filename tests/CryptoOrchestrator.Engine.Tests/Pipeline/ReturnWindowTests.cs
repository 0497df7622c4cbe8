using CryptoOrchestrator.Engine.Pipeline;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class ReturnWindowTests
{
    [Fact]
    public void StandardDeviation_IsZero_UntilTheWindowIsFull()
    {
        var window = new ReturnWindow(3);
        window.Push(100);
        window.Push(101);
        window.Push(102);

        Assert.Equal(0, window.StandardDeviation());
    }

    [Fact]
    public void StandardDeviation_MatchesATwoPassComputation_OverTheLatestReturns()
    {
        var random = new Random(5);
        var closes = Enumerable.Range(0, 1_000).Select(_ => 100 + (random.NextDouble() * 10)).ToArray();
        var window = new ReturnWindow(30);
        foreach (var close in closes)
        {
            window.Push(close);
        }

        var returns = closes.Zip(closes.Skip(1), (a, b) => (b / a) - 1).TakeLast(30).ToArray();
        var mean = returns.Average();
        var expected = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / returns.Length);
        Assert.Equal(expected, window.StandardDeviation(), 12);
    }
}
