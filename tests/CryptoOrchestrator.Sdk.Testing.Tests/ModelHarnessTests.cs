using System.Buffers.Binary;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class ModelHarnessTests
{
    [Fact]
    public void Predict_UsesTheParametersGivenAsText()
    {
        var harness = new ModelHarness(new LinearModel(), new Dictionary<string, string> { ["weights"] = "0.5,0.25,-1", ["bias"] = "2" });

        Assert.Equal(2 + (0.5 * 4) + (0.25 * 8) - 1, harness.Predict(4, 8, 1));
    }

    [Fact]
    public void Predict_WithTheWrongNumberOfFeatures_NamesTheModelAndFeatureCount()
    {
        var harness = new ModelHarness(new LinearModel(), new Dictionary<string, string> { ["weights"] = "1,2,3" });

        var error = Assert.Throws<ArgumentException>(() => harness.Predict(1, 2));

        Assert.Contains("'linear'", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 features (its FeatureCount) but was given 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SavedState_IsThereForInitialize()
    {
        var state = new InMemoryStateStore();
        var trainedBias = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(trainedBias, 40);
        state.Save(LinearModel.BiasKey, 1, trainedBias);

        var harness = new ModelHarness(new LinearModel(), new Dictionary<string, string> { ["bias"] = "1" }, seed: 1, state);

        Assert.Equal(40 + 3 + 4, harness.Predict(3, 4));
    }

    [Fact]
    public void ParameterOutOfRange_Throws_NamingTheModelAndParameter()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => new ModelHarness(new LinearModel(), new Dictionary<string, string> { ["bias"] = "5e6" }));

        Assert.Equal(("linear", "bias"), (error.PluginId, error.ParameterName));
    }

    [Fact]
    public void StrategyHarness_InitialisesAFreshModelWithItsDefaults()
    {
        var harness = new StrategyHarness(new ModelSignalStrategy(), new HarnessOptions { Models = [new LinearModel()] });

        harness.Feed(TestBars.FromCloses(100m, 101m));

        Assert.Equal(SignalDirection.Long, Assert.Single(harness.Signals).Signal.Direction); // 0 + 100 + 100 > 0 on the first bar
    }

    [Fact]
    public void StrategyHarness_UsesAModelSetUpByAModelHarness_AsItIs()
    {
        var model = new ModelHarness(new LinearModel(), new Dictionary<string, string> { ["bias"] = "-250" }).Model;
        var harness = new StrategyHarness(new ModelSignalStrategy(), new HarnessOptions { Models = [model] });

        harness.Feed(TestBars.FromCloses(100m, 120m, 140m));

        var signal = Assert.Single(harness.Signals); // −250 + open + close: −50, −30, then +10 on the third bar.
        Assert.Equal(TestBars.DefaultStart.AddMinutes(3).ToUnixTimeMilliseconds() - 1, signal.Time);
    }
}
