namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>Receives every round trip (flat, then holding, then flat again) the moment it completes.</summary>
public interface IClosedTradeListener
{
    /// <summary>Called once per closed trade, inside the fill that closed it.</summary>
    void OnTradeClosed(in ClosedTrade trade);
}
