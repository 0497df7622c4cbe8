namespace CryptoOrchestrator.Api.Backtests;

/// <summary>Where a submitted backtest is.</summary>
public enum BacktestState
{
    /// <summary>Waiting for a free slot.</summary>
    Queued,

    /// <summary>Running; see its progress.</summary>
    Running,

    /// <summary>Finished; its result is ready.</summary>
    Completed,

    /// <summary>Ended by an error, named in its status.</summary>
    Failed,

    /// <summary>Cancelled because the host stopped.</summary>
    Cancelled,
}
