using CryptoOrchestrator.Engine.Fusion;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Fusion;

public class ConfidenceWeightedFusionTests
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");
    private readonly ConfidenceWeightedFusion _fusion = new();

    [Fact]
    public void OneSignal_PassesThrough()
    {
        Assert.Equal(-0.5, _fusion.Fuse([new Signal(Btc, SignalDirection.Short, Strength: 0.5)]));
    }

    [Fact]
    public void OppositeViews_OfEqualConfidence_CancelOut()
    {
        Assert.Equal(0, _fusion.Fuse([new Signal(Btc, SignalDirection.Long), new Signal(Btc, SignalDirection.Short)]));
    }

    [Fact]
    public void Views_AreWeighedByConfidence()
    {
        // (1 × 0.75 + (−1) × 0.25) / (0.75 + 0.25) = 0.5
        var fused = _fusion.Fuse([
            new Signal(Btc, SignalDirection.Long, Confidence: 0.75),
            new Signal(Btc, SignalDirection.Short, Confidence: 0.25),
        ]);

        Assert.Equal(0.5, fused, 12);
    }

    [Fact]
    public void NoConfidence_MeansFlat()
    {
        Assert.Equal(0, _fusion.Fuse([new Signal(Btc, SignalDirection.Long, Confidence: 0)]));
        Assert.Equal(0, _fusion.Fuse([]));
    }
}
