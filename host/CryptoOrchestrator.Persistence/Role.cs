namespace CryptoOrchestrator.Persistence;

/// <summary>What a user or API key may do; each role includes the ones before it.</summary>
public enum Role
{
    /// <summary>Reads bots, orders, positions and events.</summary>
    Viewer = 1,

    /// <summary>Also starts, pauses and stops bots and cancels orders.</summary>
    Trader = 2,

    /// <summary>Also creates and deletes bots and manages plugins.</summary>
    Operator = 3,

    /// <summary>Also manages users, API keys and exchange accounts.</summary>
    Admin = 4,
}
