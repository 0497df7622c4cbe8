namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// A fixed-size window over the latest values, allocated once. Pushing returns the value that
/// fell out (default while filling) so rolling sums update in O(1).
/// </summary>
internal sealed class RingWindow<T>
    where T : struct
{
    private readonly T[] _values;
    private int _next;

    public RingWindow(int capacity) => _values = new T[capacity];

    public int Capacity => _values.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _values.Length;

    /// <summary>The value pushed <paramref name="age"/> pushes ago (0 = the latest).</summary>
    public T this[int age] => _values[(_next - 1 - age + (2 * _values.Length)) % _values.Length];

    public T Push(T value)
    {
        var evicted = IsFull ? _values[_next] : default;
        _values[_next] = value;
        _next = _next + 1 == _values.Length ? 0 : _next + 1;
        if (!IsFull)
        {
            Count++;
        }

        return evicted;
    }

    public void Clear()
    {
        Array.Clear(_values);
        _next = 0;
        Count = 0;
    }
}
