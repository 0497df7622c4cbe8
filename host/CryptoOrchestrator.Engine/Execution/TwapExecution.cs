using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>
/// Time-weighted: splits the parent into <see cref="Slices"/> market orders of whole lots, one per
/// bar starting on the bar the parent starts, the lot remainder in the last. A parent of fewer lots
/// than slices goes one lot per bar. What a slice leaves unfilled (refused, expired) rides on the next.
/// </summary>
public sealed class TwapExecution : IExecutionAlgorithm
{
    private IExecutionContext? _context;
    private OrderRequest _parent;
    private Quantity _total;
    private Quantity _sliceQuantity;
    private int _sliceCount;
    private int _slicesSent;
    private Quantity _unsent;

    /// <summary>Creates an algorithm that works a parent over <paramref name="slices"/> bars.</summary>
    public TwapExecution(int slices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        Slices = slices;
    }

    /// <summary>How many bars a parent is spread over.</summary>
    public int Slices { get; }

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "twap", PluginKind.ExecutionAlgorithm, "Splits the parent order into equal market orders, one per bar.");

    /// <inheritdoc />
    public void Start(in OrderSnapshot parent, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _parent = parent.Request;
        _total = parent.RemainingQuantity;
        _unsent = _total;
        var lot = _parent.Instrument.LotSize;
        _sliceCount = (int)Math.Clamp(_unsent.Units / lot.Units, 1, Slices);
        _sliceQuantity = Quantity.FromUnits(_unsent.Units / _sliceCount).RoundToLot(lot, MidpointRounding.ToZero);
        SendNextSlice();
    }

    /// <inheritdoc />
    public void OnBar(Instrument instrument, in Bar bar) => SendNextSlice();

    /// <inheritdoc />
    public void OnChildUpdate(in OrderSnapshot child)
    {
        if (child.IsFinal)
        {
            _unsent += child.RemainingQuantity;
        }
    }

    private void SendNextSlice()
    {
        if (_context is null || _slicesSent == _sliceCount)
        {
            return;
        }

        _slicesSent++;

        // What the later slices are planned to carry stays back; everything else, carried-over rests included, goes now.
        var plannedLater = _slicesSent == _sliceCount
            ? Quantity.Zero
            : _total - Quantity.FromUnits(_sliceQuantity.Units * _slicesSent);
        var quantity = _unsent - plannedLater;
        if (quantity.Units > 0)
        {
            _unsent -= quantity;
            _context.SubmitChild(ChildOrders.Market(_parent, quantity));
        }
    }
}
