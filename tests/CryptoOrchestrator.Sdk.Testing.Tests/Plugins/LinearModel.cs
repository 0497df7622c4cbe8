using System.Buffers.Binary;
using System.Globalization;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>
/// bias + Σ weightᵢ × featureᵢ. The weights are a parameter; the bias is a parameter unless an earlier instance
/// saved a trained one in the state store under "bias".
/// </summary>
internal sealed class LinearModel : IModel
{
    public const string BiasKey = "bias";

    private double[] _weights = [];
    private double _bias;

    public PluginMetadata Metadata { get; } = TestMetadata.For(
        "linear",
        PluginKind.Model,
        ParameterDefinition.Text("weights", "1,1"),
        ParameterDefinition.Double("bias", 0, minimum: -1_000_000, maximum: 1_000_000));

    public int FeatureCount => _weights.Length;

    public void Initialize(IPluginContext context)
    {
        _weights = [.. context.Parameters.GetText("weights").Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture))];
        _bias = context.State.TryLoad(BiasKey, out _, out var saved)
            ? BinaryPrimitives.ReadDoubleLittleEndian(saved.Span)
            : context.Parameters.GetDouble("bias");
    }

    public double Predict(ReadOnlySpan<double> features)
    {
        var sum = _bias;
        for (var i = 0; i < _weights.Length; i++)
        {
            sum += _weights[i] * features[i];
        }

        return sum;
    }
}
