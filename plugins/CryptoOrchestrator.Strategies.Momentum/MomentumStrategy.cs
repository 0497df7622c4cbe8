using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Strategies.Momentum;

/// <summary>
/// Time-series momentum: long when the close has risen more than <c>threshold-percent</c> over the
/// last <c>lookback</c> bars, short (or flat, with <c>allow-short=false</c>) when it has fallen more
/// than that, flat in between. Starts flat and emits a signal only when its view changes, so the
/// pipeline trades once per change.
/// </summary>
public sealed class MomentumStrategy : IStrategy
{
    private Roc _rateOfChange = null!;
    private IStrategyContext _context = null!;
    private double _thresholdPercent;
    private SignalDirection _bearishDirection;
    private SignalDirection _view = SignalDirection.Flat;

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "momentum",
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.1.0, 1.0.0)",
        Description = "Follows the rate of change of closes over a lookback when it clears a threshold.",
        Parameters =
        [
            ParameterDefinition.Integer("lookback", 24, minimum: 1, maximum: 2000, step: 1, description: "Bars over which the rate of change is measured."),
            ParameterDefinition.Double("threshold-percent", 1.0, minimum: 0.0, maximum: 100.0, step: 0.25, description: "Rise or fall, in percent, that counts as momentum."),
            ParameterDefinition.Boolean("allow-short", true, "Go short on downward momentum instead of flat."),
        ],
    };

    /// <inheritdoc />
    public void Initialize(IStrategyContext context)
    {
        _context = context;
        _rateOfChange = context.Indicators.Roc(context.Parameters.GetInt32("lookback"));
        _thresholdPercent = context.Parameters.GetDouble("threshold-percent");
        _bearishDirection = context.Parameters.GetBoolean("allow-short") ? SignalDirection.Short : SignalDirection.Flat;
        _view = SignalDirection.Flat;
    }

    /// <summary>Updates the rate of change and emits on a change of view. Allocation-free: runs on the per-bar hot path.</summary>
    public void OnBar(Instrument instrument, in Bar bar)
    {
        _rateOfChange.Update(bar.Close.ToDouble());
        if (!_rateOfChange.IsReady)
        {
            return;
        }

        var change = _rateOfChange.Value;
        var (direction, tag) = change > _thresholdPercent ? (SignalDirection.Long, "momentum-up")
            : change < -_thresholdPercent ? (_bearishDirection, "momentum-down")
            : (SignalDirection.Flat, "momentum-faded");
        if (direction == _view)
        {
            return;
        }

        _view = direction;
        _context.Emit(new Signal(instrument, direction, Tag: tag));
    }
}
