namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>What the pipeline does when a strategy throws from one of its callbacks.</summary>
public enum FaultPolicy
{
    /// <summary>Stop with a <see cref="PluginFaultException"/>: a backtest with a broken strategy has no meaning.</summary>
    Halt = 0,

    /// <summary>
    /// Quarantine the strategy (it is called no more, its signals are withdrawn, its positions and
    /// orders stay as they are) and carry on with the others. Faults of the fusion, the sizer, risk
    /// rules, the exchange and execution algorithms still halt: there is no safe run without them.
    /// </summary>
    ContinueWithout = 1,
}
