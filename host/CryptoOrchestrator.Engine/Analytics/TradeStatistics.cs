using CryptoOrchestrator.Engine.Accounting;

namespace CryptoOrchestrator.Engine.Analytics;

/// <summary>
/// Running trade statistics, updated once per closed trade and never storing a trade, so a run
/// of any length needs constant memory. The mean and variance of trade returns use Welford's
/// update, which stays accurate where a plain sum of squares would cancel catastrophically.
/// </summary>
internal struct TradeStatistics
{
    public int Count { get; private set; }

    public int Wins { get; private set; }

    public int Losses { get; private set; }

    /// <summary>Sum of the net PnL of winning trades.</summary>
    public decimal GrossProfit { get; private set; }

    /// <summary>Sum of the absolute net PnL of losing trades (a positive number).</summary>
    public decimal GrossLoss { get; private set; }

    public decimal NetPnlSum { get; private set; }

    public double MeanReturn { get; private set; }

    /// <summary>Sum of squared deviations of trade returns from their mean (Welford's M2).</summary>
    public double ReturnSquaredDeviations { get; private set; }

    public double BestReturn { get; private set; }

    public double WorstReturn { get; private set; }

    public long DurationSumMs { get; private set; }

    public long MaxDurationMs { get; private set; }

    public void Add(in ClosedTrade trade)
    {
        var net = trade.NetPnl;
        var r = trade.ReturnFraction;
        var durationMs = trade.ExitTime - trade.EntryTime;

        Count++;
        NetPnlSum += net;
        if (net > 0m)
        {
            Wins++;
            GrossProfit += net;
        }
        else if (net < 0m)
        {
            Losses++;
            GrossLoss -= net;
        }

        var delta = r - MeanReturn;
        MeanReturn += delta / Count;
        ReturnSquaredDeviations += delta * (r - MeanReturn);

        BestReturn = Count == 1 ? r : Math.Max(BestReturn, r);
        WorstReturn = Count == 1 ? r : Math.Min(WorstReturn, r);
        DurationSumMs += durationMs;
        MaxDurationMs = Math.Max(MaxDurationMs, durationMs);
    }
}
