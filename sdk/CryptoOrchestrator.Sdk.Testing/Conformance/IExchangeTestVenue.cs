using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// What an exchange adapter's author supplies to <see cref="ExchangeConformance"/>: the venue the adapter talks to,
/// an in-process fake server or a sandbox, which the suite drives from the venue's side (fills, rejections, a
/// dropped connection) while it drives the adapter from the engine's side. Create one per case.
/// </summary>
public interface IExchangeTestVenue : IAsyncDisposable
{
    /// <summary>The instrument the suite trades; its tick, lot and minimum notional shape the orders it sends.</summary>
    Instrument Instrument { get; }

    /// <summary>The adapter's parameters as text (e.g. the venue's address), parsed against its metadata into its context.</summary>
    IReadOnlyDictionary<string, string> AdapterParameters { get; }

    /// <summary>A fresh, unconnected adapter; the suite calls Connect, and disposes it after the case if it is disposable.</summary>
    IExchange CreateAdapter();

    /// <summary>Completes with the order as the venue received it once the venue holds it open.</summary>
    Task<VenueOrder> WaitForOpenOrderAsync(ClientOrderId id, CancellationToken cancellation);

    /// <summary>True while the venue holds the order open (accepted, not yet filled, cancelled or rejected).</summary>
    bool IsOpen(ClientOrderId id);

    /// <summary>The next order the venue receives is rejected with <paramref name="reason"/>.</summary>
    void RejectNextOrder(string reason);

    /// <summary>
    /// The venue executes <paramref name="quantity"/> of the open order at <paramref name="price"/>. If the adapter is
    /// disconnected at the time, it must learn of the fill after it reconnects, and report it once.
    /// </summary>
    Task FillAsync(ClientOrderId id, Quantity quantity, Price price);

    /// <summary>
    /// The venue drops the adapter's connection and stays unreachable until its next <see cref="FillAsync"/> has
    /// executed, so that fill happens during the outage. The adapter must reconnect by itself.
    /// </summary>
    Task DropConnectionAsync();
}
