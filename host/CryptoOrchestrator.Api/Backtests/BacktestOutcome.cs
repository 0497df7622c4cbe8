using CryptoOrchestrator.Engine.Analytics;

namespace CryptoOrchestrator.Api.Backtests;

/// <summary>GET /api/backtests/{id}/result: the performance report (with its equity curve) and every closed trade.</summary>
internal sealed record BacktestOutcome(
    string Id, PerformanceReport Report, IReadOnlyList<BacktestTrade> Trades, int OrderCount, int FillCount, decimal TotalFees, long Bars,
    IReadOnlyDictionary<string, int> Rejections)
{
    public static BacktestOutcome Of(BacktestJob job)
    {
        var result = job.Result!;
        return new(job.Id, result.Report, [.. result.Trades.Select(BacktestTrade.Of)], result.OrderCount, result.FillCount, result.TotalFees, result.Bars, result.Rejections);
    }
}
