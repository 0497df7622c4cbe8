using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>An order as the venue received it from the adapter.</summary>
/// <param name="Id">The client order id the adapter sent.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">Market, limit, stop-market or stop-limit.</param>
/// <param name="Quantity">The quantity the venue holds.</param>
/// <param name="LimitPrice">The limit price the venue holds; zero for a market order.</param>
public sealed record VenueOrder(ClientOrderId Id, OrderSide Side, OrderType Type, Quantity Quantity, Price LimitPrice);
