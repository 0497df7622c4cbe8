using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace Co.Model1;

/// <summary>
/// Logistic regression: the probability that the next bar closes higher, from three features a
/// strategy computes (for instance the last return, the return over five bars and the RSI
/// rescaled to [-1, 1] as (RSI − 50) / 50). The output is 1 / (1 + e^-(bias + Σ weight × feature)), in (0, 1).
/// Weights come from parameters, so an optimiser or a training script can set them with <c>--param</c>.
/// </summary>
public sealed class Co_Model1Model : IModel
{
    private readonly double[] _weights = new double[3];
    private double _bias;

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "co-plugin-id",
        Version = "1.0.0",
        Kind = PluginKind.Model,
        SdkVersionRange = "[__CO_SDK_VERSION__, 1.0.0)",
        Description = "Logistic regression over three features: the probability of an up move.",
        Parameters =
        [
            ParameterDefinition.Double("bias", 0d, minimum: -10d, maximum: 10d, step: 0.01, description: "Intercept of the linear score."),
            ParameterDefinition.Double("weight-1", 40d, minimum: -1000d, maximum: 1000d, step: 0.01, description: "Weight of the first feature."),
            ParameterDefinition.Double("weight-2", 10d, minimum: -1000d, maximum: 1000d, step: 0.01, description: "Weight of the second feature."),
            ParameterDefinition.Double("weight-3", -0.5d, minimum: -1000d, maximum: 1000d, step: 0.01, description: "Weight of the third feature."),
        ],
    };

    /// <inheritdoc />
    public int FeatureCount => _weights.Length;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _bias = context.Parameters.GetDouble("bias");
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] = context.Parameters.GetDouble($"weight-{i + 1}");
        }
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<double> features)
    {
        // Called per bar by strategies: a loop over a span, no allocation.
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"Model '{Metadata.Id}' expects {FeatureCount} features (FeatureCount) but was given {features.Length}.", nameof(features));
        }

        var score = _bias;
        for (var i = 0; i < features.Length; i++)
        {
            if (!double.IsFinite(features[i]))
            {
                throw new ArgumentException($"Model '{Metadata.Id}': feature {i + 1} is {features[i]}, not a finite number.", nameof(features));
            }

            score += _weights[i] * features[i];
        }

        return 1d / (1d + Math.Exp(-score));
    }
}
