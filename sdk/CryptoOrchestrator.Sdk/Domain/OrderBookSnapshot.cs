namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// A depth snapshot: bids best (highest) first, asks best (lowest) first. The constructor
/// refuses a book whose sides are out of order or crossed, so consumers can trust index 0.
/// </summary>
public sealed class OrderBookSnapshot
{
    private readonly BookLevel[] _bids;
    private readonly BookLevel[] _asks;

    /// <summary>Creates a snapshot, copying the levels.</summary>
    /// <param name="time">Unix epoch milliseconds.</param>
    /// <param name="bids">Bid levels, highest price first.</param>
    /// <param name="asks">Ask levels, lowest price first.</param>
    public OrderBookSnapshot(long time, ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks)
    {
        EnsureOrdered(bids, descending: true, nameof(bids));
        EnsureOrdered(asks, descending: false, nameof(asks));
        if (!bids.IsEmpty && !asks.IsEmpty && bids[0].Price >= asks[0].Price)
        {
            throw new ArgumentException($"The book is crossed: best bid {bids[0].Price} is not below best ask {asks[0].Price}.");
        }

        Time = time;
        _bids = bids.ToArray();
        _asks = asks.ToArray();
    }

    /// <summary>Unix epoch milliseconds.</summary>
    public long Time { get; }

    /// <summary>Bid levels, highest price first.</summary>
    public ReadOnlySpan<BookLevel> Bids => _bids;

    /// <summary>Ask levels, lowest price first.</summary>
    public ReadOnlySpan<BookLevel> Asks => _asks;

    private static void EnsureOrdered(ReadOnlySpan<BookLevel> levels, bool descending, string side)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i].Quantity.Units <= 0)
            {
                throw new ArgumentException($"{side}[{i}] has a non-positive quantity {levels[i].Quantity}.", side);
            }

            if (i > 0 && (descending ? levels[i].Price >= levels[i - 1].Price : levels[i].Price <= levels[i - 1].Price))
            {
                throw new ArgumentException($"{side}[{i}] at {levels[i].Price} is out of order.", side);
            }
        }
    }
}
