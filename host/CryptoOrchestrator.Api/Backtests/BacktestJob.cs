using CryptoOrchestrator.Engine.Backtesting;

namespace CryptoOrchestrator.Api.Backtests;

/// <summary>One submitted backtest: its state and progress while it runs, its result once it completed.</summary>
public sealed class BacktestJob(string id, BacktestRequest request, DateTimeOffset submittedAt) : IProgress<double>
{
    private double _progress;

    /// <summary>Its id.</summary>
    public string Id => id;

    /// <summary>What was asked.</summary>
    public BacktestRequest Request => request;

    /// <summary>When it was submitted.</summary>
    public DateTimeOffset SubmittedAt => submittedAt;

    /// <summary>Where it is.</summary>
    public BacktestState State { get; internal set; } = BacktestState.Queued;

    /// <summary>Fraction done, 0 to 1.</summary>
    public double Progress => Volatile.Read(ref _progress);

    /// <summary>Why it failed.</summary>
    public string? Error { get; internal set; }

    /// <summary>The result, once <see cref="BacktestState.Completed"/>.</summary>
    public BacktestResult? Result { get; internal set; }

    /// <inheritdoc />
    public void Report(double value) => Volatile.Write(ref _progress, Math.Clamp(value, 0, 1));
}
