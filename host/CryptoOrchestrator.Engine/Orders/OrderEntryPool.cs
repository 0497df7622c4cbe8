namespace CryptoOrchestrator.Engine.Orders;

/// <summary>
/// Slots for open orders, reused through a free list: after warm-up, opening and closing orders
/// allocates nothing. Grows (doubling) only when more orders are open at once than ever before.
/// </summary>
internal sealed class OrderEntryPool
{
    private OrderEntry[] _entries;
    private int[] _freeSlots;
    private int _freeCount;
    private int _used;

    public OrderEntryPool(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new OrderEntry[capacity];
        _freeSlots = new int[capacity];
    }

    /// <summary>
    /// The entry in <paramref name="slot"/>. The reference is valid until the next <see cref="Rent"/>,
    /// which may move the entries: never hold it across a call that can submit an order.
    /// </summary>
    public ref OrderEntry this[int slot] => ref _entries[slot];

    public int Rent()
    {
        if (_freeCount > 0)
        {
            return _freeSlots[--_freeCount];
        }

        if (_used == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            Array.Resize(ref _freeSlots, _entries.Length);
        }

        return _used++;
    }

    public void Return(int slot)
    {
        // Clearing drops the request's references so a closed order keeps nothing alive.
        _entries[slot] = default;
        _freeSlots[_freeCount++] = slot;
    }
}
