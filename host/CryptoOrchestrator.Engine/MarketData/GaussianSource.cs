namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>Standard normal numbers from a seeded <see cref="Random"/> (Box–Muller, both values used).</summary>
internal sealed class GaussianSource(Random random)
{
    private double spare;
    private bool hasSpare;

    public Random Uniform => random;

    public double Next()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        // 1 - NextDouble() lies in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
        var angle = 2.0 * Math.PI * random.NextDouble();
        spare = radius * Math.Sin(angle);
        hasSpare = true;
        return radius * Math.Cos(angle);
    }
}
