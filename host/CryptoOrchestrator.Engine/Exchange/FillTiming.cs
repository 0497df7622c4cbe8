namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>When the simulated exchange fills a market order submitted after a bar closed.</summary>
public enum FillTiming
{
    /// <summary>At the next bar's open: the earliest price a live strategy could really get.</summary>
    NextOpen = 0,

    /// <summary>At the close of the bar that produced the signal, inside Submit: optimistic, for comparison with other tools.</summary>
    SignalClose = 1,
}
