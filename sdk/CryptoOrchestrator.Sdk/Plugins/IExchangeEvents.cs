using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>How an exchange adapter reports back to the host; calls may come from any thread.</summary>
public interface IExchangeEvents
{
    /// <summary>The venue acknowledged, rejected, cancelled or expired an order.</summary>
    void OnOrderStatus(ClientOrderId id, OrderStatus status, string? reason);

    /// <summary>The venue executed (part of) an order.</summary>
    void OnFill(in Fill fill);
}
