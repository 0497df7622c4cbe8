using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Strategies.SmaCrossover;

/// <summary>
/// Long when the fast simple moving average is above the slow one, short (or flat, with
/// <c>allow-short=false</c>) when below. Emits a signal only when the relation flips, so the
/// pipeline trades once per crossover.
/// </summary>
public sealed class SmaCrossoverStrategy : IStrategy
{
    private Sma _fast = null!;
    private Sma _slow = null!;
    private IStrategyContext _context = null!;
    private SignalDirection _bearishDirection;
    private int _lastRelation;

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "sma-crossover",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.1.0, 1.0.0)",
        Description = "Trades the crossing of a fast and a slow simple moving average of closes.",
        Parameters =
        [
            ParameterDefinition.Integer("fast", 10, minimum: 1, maximum: 500, step: 1, description: "Bars in the fast average."),
            ParameterDefinition.Integer("slow", 20, minimum: 2, maximum: 2000, step: 1, description: "Bars in the slow average."),
            ParameterDefinition.Boolean("allow-short", true, "Go short below the slow average instead of flat."),
        ],
    };

    /// <inheritdoc />
    public void Initialize(IStrategyContext context)
    {
        _context = context;
        var fast = context.Parameters.GetInt32("fast");
        var slow = context.Parameters.GetInt32("slow");
        if (fast >= slow)
        {
            throw new ArgumentException($"sma-crossover: fast ({fast}) must be shorter than slow ({slow}).");
        }

        _fast = context.Indicators.Sma(fast);
        _slow = context.Indicators.Sma(slow);
        _bearishDirection = context.Parameters.GetBoolean("allow-short") ? SignalDirection.Short : SignalDirection.Flat;
    }

    /// <inheritdoc />
    public void OnBar(Instrument instrument, in Bar bar)
    {
        var close = bar.Close.ToDouble();
        _fast.Update(close);
        _slow.Update(close);
        if (!_slow.IsReady)
        {
            return;
        }

        var relation = _fast.Value.CompareTo(_slow.Value);
        if (relation == 0 || relation == _lastRelation)
        {
            return;
        }

        _lastRelation = relation;
        var direction = relation > 0 ? SignalDirection.Long : _bearishDirection;
        _context.Emit(new Signal(instrument, direction, Tag: relation > 0 ? "golden-cross" : "death-cross"));
    }
}
