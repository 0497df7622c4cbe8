using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace Faulty;

/// <summary>Goes long on its first bar, then throws from OnBar on the bar numbered by its "fail-at" parameter.</summary>
public sealed class FaultyStrategy : IStrategy
{
    private IStrategyContext _context = null!;
    private int _failAt;
    private int _seen;

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "faulty",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.2.0, 1.0.0)",
        Parameters = [ParameterDefinition.Integer("fail-at", 10, minimum: 1, maximum: 1_000_000, step: 1, description: "The bar that throws.")],
    };

    public void Initialize(IStrategyContext context)
    {
        _context = context;
        _failAt = context.Parameters.GetInt32("fail-at");
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
        if (++_seen == 1)
        {
            _context.Emit(new Signal(instrument, SignalDirection.Long));
        }

        if (_seen == _failAt)
        {
            throw new InvalidOperationException($"deliberate failure at bar {_seen}");
        }
    }
}
