using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace Spinning;

/// <summary>
/// Never returns from OnBar once it reaches its "spin-at" bar: to the host, an endless loop. Only the
/// static <see cref="Release"/> flag (set by a test through reflection, to give its core back) ends it.
/// </summary>
public sealed class SpinningStrategy : IStrategy
{
    public static volatile bool Release;

    private int _spinAt;
    private int _seen;

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "spinning",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
        Parameters = [ParameterDefinition.Integer("spin-at", 5, minimum: 1, maximum: 1_000_000, step: 1, description: "The bar that never returns.")],
    };

    public void Initialize(IStrategyContext context) => _spinAt = context.Parameters.GetInt32("spin-at");

    public void OnBar(Instrument instrument, in Bar bar)
    {
        if (++_seen != _spinAt)
        {
            return;
        }

        while (!Release)
        {
            Thread.SpinWait(1_000);
        }
    }
}
