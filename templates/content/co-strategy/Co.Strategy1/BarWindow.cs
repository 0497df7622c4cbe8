using CryptoOrchestrator.Sdk.Domain;

namespace Co.Strategy1;

/// <summary>
/// The highs, lows and closes of the last few bars, oldest first. Fixed arrays and plain scans:
/// the channel is a few dozen bars wide, so a scan costs less than keeping sorted structures,
/// and nothing is allocated per bar.
/// </summary>
internal sealed class BarWindow
{
    private readonly Price[] _highs;
    private readonly Price[] _lows;
    private readonly Price[] _closes;
    private int _next;

    public BarWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _highs = new Price[capacity];
        _lows = new Price[capacity];
        _closes = new Price[capacity];
    }

    public int Capacity => _highs.Length;

    /// <summary>How many bars are held, up to <see cref="Capacity"/>.</summary>
    public int Count { get; private set; }

    public void Push(Price high, Price low, Price close)
    {
        _highs[_next] = high;
        _lows[_next] = low;
        _closes[_next] = close;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>The highest high of the latest <paramref name="bars"/> bars held.</summary>
    public Price HighestHigh(int bars)
    {
        var highest = _highs[IndexFromNewest(0)];
        for (var age = 1; age < bars; age++)
        {
            highest = Price.Max(highest, _highs[IndexFromNewest(age)]);
        }

        return highest;
    }

    /// <summary>The lowest low of the latest <paramref name="bars"/> bars held.</summary>
    public Price LowestLow(int bars)
    {
        var lowest = _lows[IndexFromNewest(0)];
        for (var age = 1; age < bars; age++)
        {
            lowest = Price.Min(lowest, _lows[IndexFromNewest(age)]);
        }

        return lowest;
    }

    /// <summary>The bar <paramref name="index"/> places from the oldest held (0 = oldest).</summary>
    public (Price High, Price Low, Price Close) this[int index] =>
        (_highs[IndexFromNewest(Count - 1 - index)], _lows[IndexFromNewest(Count - 1 - index)], _closes[IndexFromNewest(Count - 1 - index)]);

    private int IndexFromNewest(int age) => (_next - 1 - age + (2 * Capacity)) % Capacity;
}
