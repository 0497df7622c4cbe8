using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// One instrument at the simulated exchange: its current bar and its resting orders in arrival
/// order. The order array is pre-sized and compacted in place, so steady-state traffic allocates nothing.
/// </summary>
internal sealed class InstrumentBook
{
    private const int InitialCapacity = 64;

    public InstrumentBook(Instrument instrument) => Instrument = instrument;

    public Instrument Instrument { get; }

    /// <summary>Resting orders; entries at and beyond <see cref="Count"/> are unused. May be replaced when it grows.</summary>
    public RestingOrder[] Orders { get; private set; } = new RestingOrder[InitialCapacity];

    public int Count { get; private set; }

    public bool HasBar { get; private set; }

    /// <summary>The latest bar seen, whose close is the last price.</summary>
    public Bar CurrentBar { get; private set; }

    /// <summary>Bar volume the fills in <see cref="CurrentBar"/> (or the bar being matched) have taken.</summary>
    public Quantity VolumeTaken { get; set; }

    public void SetCurrentBar(in Bar bar)
    {
        CurrentBar = bar;
        HasBar = true;
    }

    /// <summary>Appends an order; compacts first when full, unless <paramref name="matching"/> (indices must then stay put).</summary>
    public void Add(in RestingOrder order, bool matching)
    {
        if (Count == Orders.Length && !matching)
        {
            Compact();
        }

        if (Count == Orders.Length)
        {
            var grown = Orders;
            Array.Resize(ref grown, grown.Length * 2);
            Orders = grown;
        }

        Orders[Count++] = order;
    }

    /// <summary>The index of the active order with <paramref name="id"/>, or -1. Searches newest first: the order sought is usually recent.</summary>
    public int IndexOfActive(ClientOrderId id)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (Orders[i].Active && Orders[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Removes finished orders, keeping the rest in arrival order.</summary>
    public void Compact()
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Orders[i].Active)
            {
                if (kept != i)
                {
                    Orders[kept] = Orders[i];
                }

                kept++;
            }
        }

        Array.Clear(Orders, kept, Count - kept);
        Count = kept;
    }
}
