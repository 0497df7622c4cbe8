using CryptoOrchestrator.Engine.Fusion;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

/// <summary>A fusion that records what it is given (time, strengths) and can be told to throw.</summary>
internal sealed class RecordingFusion(bool throws = false) : ISignalFusion
{
    private readonly ConfidenceWeightedFusion _inner = new();
    private IClock _clock = null!;

    public PluginMetadata Metadata { get; } = TestMetadata.For("recording-fusion", PluginKind.SignalFusion);

    public List<(long Time, double[] Strengths)> Calls { get; } = [];

    public void Initialize(IPluginContext context) => _clock = context.Clock;

    public double Fuse(ReadOnlySpan<Signal> signals)
    {
        if (throws)
        {
            throw new InvalidOperationException("fusion broke");
        }

        var strengths = new double[signals.Length];
        for (var i = 0; i < signals.Length; i++)
        {
            strengths[i] = signals[i].Strength;
        }

        Calls.Add((_clock.NowMs, strengths));
        return _inner.Fuse(signals);
    }
}

/// <summary>A risk rule that throws on every order.</summary>
internal sealed class ThrowingRiskRule : IRiskRule
{
    public PluginMetadata Metadata { get; } = TestMetadata.For("broken-rule", PluginKind.RiskRule);

    public void Initialize(IPluginContext context)
    {
    }

    public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio) => throw new InvalidOperationException("rule broke");
}

/// <summary>A sizer that throws whenever it is asked for a position.</summary>
internal sealed class ThrowingSizer : IPositionSizer
{
    public PluginMetadata Metadata { get; } = TestMetadata.For("broken-sizer", PluginKind.PositionSizer);

    public void Initialize(IPluginContext context)
    {
    }

    public Quantity TargetPosition(in SizingRequest request) => throw new InvalidOperationException("sizer broke");
}
