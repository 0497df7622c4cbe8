using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Orders;

/// <summary>Receives every order change and fill the <see cref="OrderManager"/> records, tagged with the owning strategy slot.</summary>
public interface IOrderListener
{
    /// <summary>An order changed status, including its creation as <see cref="OrderStatus.New"/>.</summary>
    void OnOrderUpdate(in OrderSnapshot order, int owner);

    /// <summary>An order (partly) filled; called before the <see cref="OnOrderUpdate"/> that reports the new status.</summary>
    void OnFill(in Fill fill, int owner);
}
