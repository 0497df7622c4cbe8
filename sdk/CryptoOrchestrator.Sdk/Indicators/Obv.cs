using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// On-balance volume: a running total that adds a bar's volume when its close is above the
/// previous close, subtracts it when below, and keeps still when equal. As in TA-Lib, it starts
/// at the first bar's volume. Closes are compared exactly and the total is kept in exact volume units.
/// </summary>
public sealed class Obv : IIndicator
{
    private long _units;
    private Price _previousClose;

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public double Value => IsReady ? Quantity.FromUnits(_units).ToDouble() : double.NaN;

    /// <inheritdoc />
    public int WarmupPeriod => 1;

    /// <summary>Adds one bar; throws on negative volume. Allocation-free: runs on the per-bar hot path.</summary>
    public void Update(in Bar bar)
    {
        if (bar.Volume.IsNegative)
        {
            throw new ArgumentException($"OBV: the bar opening at {bar.OpenTime} has negative volume {bar.Volume}.", nameof(bar));
        }

        if (!IsReady)
        {
            _units = bar.Volume.Units;
            IsReady = true;
        }
        else if (bar.Close > _previousClose)
        {
            _units = checked(_units + bar.Volume.Units);
        }
        else if (bar.Close < _previousClose)
        {
            _units = checked(_units - bar.Volume.Units);
        }

        _previousClose = bar.Close;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _units = 0;
        _previousClose = Price.Zero;
        IsReady = false;
    }
}
