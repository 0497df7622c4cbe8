using CryptoOrchestrator.Sdk.Context;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>A predictive model strategies call through <see cref="IStrategyContext.GetModel"/>.</summary>
public interface IModel : IPlugin
{
    /// <summary>How many features <see cref="Predict"/> expects.</summary>
    int FeatureCount { get; }

    /// <summary>Called once before use: load weights from the state store or parameters.</summary>
    void Initialize(IPluginContext context);

    /// <summary>The model's output for one feature vector of length <see cref="FeatureCount"/>.</summary>
    double Predict(ReadOnlySpan<double> features);
}
