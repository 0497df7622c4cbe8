namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Whether a bot's orders are simulated or sent to an exchange.</summary>
public enum BotMode
{
    /// <summary>Orders fill on the paper exchange against the feed's bars.</summary>
    Paper,

    /// <summary>Orders go to the exchange account; not available yet, refused at creation.</summary>
    Live,
}
