namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>How a new entry treats the position already open in the same instrument.</summary>
public enum PositionMode
{
    /// <summary>Orders net against the position: long 1 and a target of short 1 is one sell of 2.</summary>
    Netting = 0,

    /// <summary>
    /// A new entry closes the open position first, as a separate order, then opens the new one:
    /// every position is its own trade, with its own fees, as in backtesting.py's exclusive orders.
    /// </summary>
    Exclusive = 1,
}
