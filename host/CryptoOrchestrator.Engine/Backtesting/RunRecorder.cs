using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Backtesting;

/// <summary>Keeps what a backtest's report needs beyond the statistics: the trades and order counts.</summary>
internal sealed class RunRecorder : IEngineEventSink
{
    private readonly List<ClosedTrade> _trades = [];
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);

    public IReadOnlyList<ClosedTrade> Trades => _trades;

    public IReadOnlyDictionary<string, int> Rejections => _rejections;

    public int Orders { get; private set; }

    public int Fills { get; private set; }

    public void OnOrderUpdate(string ownerId, in OrderSnapshot order)
    {
        if (order.Status == OrderStatus.New)
        {
            Orders++;
        }
        else if (order.Status == OrderStatus.Rejected)
        {
            var reason = order.Reason ?? "unspecified";
            _rejections[reason] = _rejections.GetValueOrDefault(reason) + 1;
        }
    }

    public void OnFill(string ownerId, in Fill fill) => Fills++;

    public void OnTradeClosed(string ownerId, in ClosedTrade trade) => _trades.Add(trade);
}
