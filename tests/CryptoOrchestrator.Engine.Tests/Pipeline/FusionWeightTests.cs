using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Fusion;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class FusionWeightTests
{
    [Fact]
    public void HeavierStrategy_OutweighsALighterOneOfOppositeView_InTheDefaultFusion()
    {
        var fusion = new RecordingFusion();
        var setup = TwoOpposedStrategies(longWeight: 3, shortWeight: 1, fusion);

        Run(setup, Bars.Closes(Btc, 100, 101, 102));

        // Confidences become 3/3 and 1/3: (1 × 1 + (−1) × 1/3) / (1 + 1/3) = 0.5.
        Assert.Equal(0.5, fusion.Fused[^1], 12);
        Assert.Equal([1.0, 1.0 / 3], fusion.Confidences[^1]);
    }

    [Fact]
    public void EqualWeights_LeaveConfidencesAsTheStrategiesSentThem()
    {
        var fusion = new RecordingFusion();
        var setup = TwoOpposedStrategies(longWeight: 2, shortWeight: 2, fusion);

        Run(setup, Bars.Closes(Btc, 100, 101, 102));

        Assert.Equal(0, fusion.Fused[^1], 12);
        Assert.Equal([1.0, 1.0], fusion.Confidences[^1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void WeightThatIsNotAFiniteNumberAboveZero_IsRefused_NamingTheStrategy(double weight)
    {
        var setup = TwoOpposedStrategies(longWeight: 1, shortWeight: weight, new RecordingFusion());

        var refusal = Assert.Throws<ArgumentException>(() => new TradingPipeline(setup, [Btc], expectedSteps: 4));

        Assert.Contains("'bear'", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("fusion weight", refusal.Message, StringComparison.Ordinal);
    }

    private static PipelineSetup TwoOpposedStrategies(double longWeight, double shortWeight, ISignalFusion fusion)
    {
        var bull = Speaker("bull", SignalDirection.Long);
        var bear = Speaker("bear", SignalDirection.Short);
        return Setup(bull) with
        {
            Strategies =
            [
                new StrategyRegistration(bull, ParameterSet.Defaults(bull.Metadata)) { Weight = longWeight },
                new StrategyRegistration(bear, ParameterSet.Defaults(bear.Metadata)) { Weight = shortWeight },
            ],
            Fusion = fusion,
        };
    }

    /// <summary>States its view at full confidence on every bar.</summary>
    private static ScriptedStrategy Speaker(string id, SignalDirection direction) =>
        new(id, (_, _, context) => context.Emit(new Signal(Btc, direction)));

    /// <summary>The default fusion, remembering what it was given and what it answered.</summary>
    private sealed class RecordingFusion : ISignalFusion
    {
        private readonly ConfidenceWeightedFusion _inner = new();

        public List<double[]> Confidences { get; } = [];

        public List<double> Fused { get; } = [];

        public PluginMetadata Metadata => _inner.Metadata;

        public void Initialize(IPluginContext context) => _inner.Initialize(context);

        public double Fuse(ReadOnlySpan<Signal> signals)
        {
            var confidences = new double[signals.Length];
            for (var i = 0; i < signals.Length; i++)
            {
                confidences[i] = signals[i].Confidence;
            }

            Confidences.Add(confidences);
            var fused = _inner.Fuse(signals);
            Fused.Add(fused);
            return fused;
        }
    }
}
