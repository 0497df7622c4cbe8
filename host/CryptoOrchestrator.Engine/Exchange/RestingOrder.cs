using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>An order working at the simulated exchange, with what matching needs to remember about it.</summary>
internal struct RestingOrder
{
    public OrderRequest Request;
    public Quantity Remaining;

    /// <summary>False once filled, cancelled or expired; the slot is compacted away after the bar.</summary>
    public bool Active;

    /// <summary>A stop order whose stop has traded: from now on it is a market or limit order.</summary>
    public bool Triggered;

    /// <summary>A limit order that would have crossed the last price when it arrived: its first fill takes liquidity.</summary>
    public bool MarketableOnArrival;

    /// <summary>Has been matched against at least one bar.</summary>
    public bool Evaluated;

    /// <summary>Has filled at least once (the fixed fee is charged on the first fill only).</summary>
    public bool HasFilled;

    public readonly ClientOrderId Id => Request.ClientOrderId;

    public readonly OrderSide Side => Request.Side;
}
