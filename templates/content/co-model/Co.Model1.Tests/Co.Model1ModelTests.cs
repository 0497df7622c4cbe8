using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Model1.Tests;

public class Co_Model1ModelTests
{
    private static readonly Dictionary<string, string> Weights = new()
    {
        ["bias"] = "0.5",
        ["weight-1"] = "2",
        ["weight-2"] = "-1",
        ["weight-3"] = "0.25",
    };

    [Fact]
    public void Predict_IsTheLogisticOfTheWeightedSum()
    {
        var harness = new ModelHarness(new Co_Model1Model(), Weights);

        var prediction = harness.Predict(0.1, 0.3, 2);

        // 0.5 + 2 × 0.1 − 1 × 0.3 + 0.25 × 2 = 0.9
        Assert.Equal(1 / (1 + Math.Exp(-0.9)), prediction, precision: 12);
    }

    [Fact]
    public void Predict_IsOneHalf_WhereTheScoreIsZero()
    {
        var harness = new ModelHarness(new Co_Model1Model(), Weights);

        // 0.5 + 2 × 0 − 1 × 0.5 + 0 = 0
        Assert.Equal(0.5, harness.Predict(0, 0.5, 0), precision: 12);
    }

    [Fact]
    public void Predict_RisesWithAFeatureOfPositiveWeight_AndStaysAProbability()
    {
        var harness = new ModelHarness(new Co_Model1Model());

        var low = harness.Predict(-0.05, 0, 0);
        var high = harness.Predict(0.05, 0, 0);

        Assert.True(high > low, $"{high} should exceed {low}");
        Assert.InRange(low, 0d, 1d);
        Assert.InRange(high, 0d, 1d);
    }

    [Fact]
    public void Predict_WithTheWrongFeatureCount_IsRefusedNamingTheModel()
    {
        var harness = new ModelHarness(new Co_Model1Model());

        var error = Assert.Throws<ArgumentException>(() => harness.Predict(1, 2));

        Assert.Contains(harness.Model.Metadata.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_AllocatesNothing()
    {
        var model = new ModelHarness(new Co_Model1Model(), Weights).Model;
        double[] features = [0.01, -0.02, 0.3];
        model.Predict(features);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0d;
        for (var i = 0; i < 1_000; i++)
        {
            sum += model.Predict(features);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    [Fact]
    public void Parameter_OutsideItsRange_IsRefusedNamingIt()
    {
        var error = Assert.ThrowsAny<Exception>(() => new ModelHarness(new Co_Model1Model(), new Dictionary<string, string> { ["bias"] = "11" }));

        Assert.Contains("bias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_IsAKebabCaseModelWithSweepableParameters()
    {
        var metadata = new Co_Model1Model().Metadata;

        Assert.Matches("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", metadata.Id);
        Assert.Equal(PluginKind.Model, metadata.Kind);
        Assert.All(metadata.Parameters, parameter => Assert.NotNull(parameter.Step));
    }
}
