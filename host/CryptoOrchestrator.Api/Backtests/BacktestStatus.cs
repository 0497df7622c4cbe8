namespace CryptoOrchestrator.Api.Backtests;

/// <summary>GET /api/backtests/{id}: where a backtest is.</summary>
internal sealed record BacktestStatus(string Id, BacktestState State, double Progress, string? Error, DateTimeOffset SubmittedAt)
{
    public static BacktestStatus Of(BacktestJob job) => new(job.Id, job.State, job.Progress, job.Error, job.SubmittedAt);
}
