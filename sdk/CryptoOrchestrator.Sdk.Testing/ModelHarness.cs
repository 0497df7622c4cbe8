using System.Runtime.CompilerServices;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// A model alone, initialised as the host would initialise it: its parameters parsed and range-checked from text
/// against its metadata, a random source seeded from <c>seed</c> and its id, and a state store that may hold what
/// an earlier instance saved. Exceptions the model throws reach the test unchanged.
/// </summary>
public sealed class ModelHarness
{
    private static readonly ConditionalWeakTable<IModel, ModelHarness> Prepared = [];

    /// <summary>Initialises <paramref name="model"/> with <paramref name="parameters"/> (declared defaults for the rest) and an empty state store.</summary>
    /// <exception cref="PluginConfigurationException">A parameter is unknown, of the wrong type or out of range.</exception>
    public ModelHarness(IModel model, IReadOnlyDictionary<string, string>? parameters = null, int seed = 1)
        : this(model, parameters, seed, new InMemoryStateStore())
    {
    }

    /// <summary>
    /// Initialises <paramref name="model"/> with <paramref name="parameters"/> and <paramref name="state"/>, e.g. an
    /// <see cref="InMemoryStateStore"/> holding the weights a model loads in Initialize.
    /// </summary>
    /// <exception cref="PluginConfigurationException">A parameter is unknown, of the wrong type or out of range.</exception>
    public ModelHarness(IModel model, IReadOnlyDictionary<string, string>? parameters, int seed, IStateStore state)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(state);
        Context = PluginContexts.For(model, parameters, seed, new SimulatedClock(), state);
        model.Initialize(Context);
        Model = model;
        Prepared.AddOrUpdate(model, this);
    }

    /// <summary>The model, initialised.</summary>
    public IModel Model { get; }

    /// <summary>The context the model was initialised with: its parameters, random source and state store.</summary>
    public IPluginContext Context { get; }

    /// <summary>The model's output for <paramref name="features"/>.</summary>
    /// <exception cref="ArgumentException">The number of features is not the model's FeatureCount; the message names the model.</exception>
    public double Predict(params double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var expected = Model.FeatureCount;
        if (features.Length != expected)
        {
            throw new ArgumentException(
                $"Model '{Model.Metadata.Id}' takes {expected} features (its FeatureCount) but was given {features.Length}.",
                nameof(features));
        }

        return Model.Predict(features);
    }

    /// <summary>True when a ModelHarness has initialised <paramref name="model"/>, so a strategy harness uses it as it is.</summary>
    internal static bool IsPrepared(IModel model) => Prepared.TryGetValue(model, out _);
}
