namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// The highest (or lowest) of the last <c>period</c> values in amortised O(1): a monotonic
/// queue keeps only the values that can still become the extreme, so each value enters and
/// leaves it once. Both arrays are allocated here; pushing allocates nothing.
/// </summary>
internal sealed class RollingExtreme
{
    private readonly double[] _values;
    private readonly long[] _positions;
    private readonly bool _keepsMaximum;
    private int _head;
    private int _count;
    private long _pushed;

    public RollingExtreme(int period, bool keepsMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        _values = new double[period];
        _positions = new long[period];
        _keepsMaximum = keepsMaximum;
    }

    public int Period => _values.Length;

    public bool IsFull => _pushed >= _values.Length;

    /// <summary>The extreme of the window; meaningful after the first push.</summary>
    public double Value => _values[_head];

    public void Push(double value)
    {
        var position = _pushed++;
        if (_count > 0 && _positions[_head] <= position - _values.Length)
        {
            _head = Wrap(_head + 1);
            _count--;
        }

        while (_count > 0 && Dominates(value, _values[Wrap(_head + _count - 1)]))
        {
            _count--;
        }

        var tail = Wrap(_head + _count);
        _values[tail] = value;
        _positions[tail] = position;
        _count++;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
        _pushed = 0;
    }

    private bool Dominates(double value, double queued) => _keepsMaximum ? value >= queued : value <= queued;

    private int Wrap(int index) => index >= _values.Length ? index - _values.Length : index;
}
