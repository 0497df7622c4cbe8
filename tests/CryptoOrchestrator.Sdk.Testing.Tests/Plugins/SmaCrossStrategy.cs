using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>Long while the fast average of closes is above the slow one, flat once it falls below; a signal per crossing.</summary>
internal sealed class SmaCrossStrategy : IStrategy
{
    private IStrategyContext _context = null!;
    private Sma _fast = null!;
    private Sma _slow = null!;
    private int _relation;

    public PluginMetadata Metadata { get; } = TestMetadata.For(
        "sma-cross",
        PluginKind.Strategy,
        ParameterDefinition.Integer("fast", 10, minimum: 1, maximum: 100),
        ParameterDefinition.Integer("slow", 30, minimum: 2, maximum: 500));

    public void Initialize(IStrategyContext context)
    {
        _context = context;
        _fast = context.Indicators.Sma(context.Parameters.GetInt32("fast"));
        _slow = context.Indicators.Sma(context.Parameters.GetInt32("slow"));
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
        _fast.Update(bar.Close.ToDouble());
        _slow.Update(bar.Close.ToDouble());
        if (!_slow.IsReady)
        {
            return;
        }

        var relation = _fast.Value.CompareTo(_slow.Value);
        if (relation != 0 && relation != _relation)
        {
            _relation = relation;
            _context.Emit(new Signal(instrument, relation > 0 ? SignalDirection.Long : SignalDirection.Flat));
        }
    }
}
