using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests.Durability;

/// <summary>What a bot's journal holds: its orders with their transitions, fills and positions.</summary>
internal sealed record JournalContents(
    IReadOnlyList<OrderRecord> Orders,
    IReadOnlyList<OrderTransition> Transitions,
    IReadOnlyList<FillRecord> Fills,
    IReadOnlyList<PositionRecord> Positions)
{
    public static async Task<JournalContents> ReadAsync(IStore store, string botId)
    {
        var orders = new List<OrderRecord>();
        for (var page = await store.Orders.ListAsync(botId); page.Count > 0; page = await store.Orders.ListAsync(botId, page[^1].ClientOrderId))
        {
            orders.AddRange(page);
        }

        var transitions = new List<OrderTransition>();
        foreach (var order in orders)
        {
            transitions.AddRange(await store.Orders.TransitionsAsync(botId, order.ClientOrderId));
        }

        return new JournalContents(orders, transitions, await store.Fills.ListAsync(botId), await store.Positions.ListAsync(botId));
    }

    /// <summary>The positions the stored fills add up to, booked by the engine's own accounting.</summary>
    public IReadOnlyList<(string Symbol, decimal Quantity, decimal AveragePrice, decimal RealizedPnl)> PositionsFromFills()
    {
        var instruments = Positions.Select(p => Instrument.Spot(p.Symbol)).ToArray();
        var portfolio = new Portfolio(1_000_000_000m, instruments, owners: 1);
        foreach (var fill in Fills.OrderBy(f => f.TimeMs).ThenBy(f => f.ClientOrderId).ThenBy(f => f.FillSequence))
        {
            var instrument = instruments.Single(i => i.Symbol == fill.Symbol);
            portfolio.ApplyFill(
                new Fill(new ClientOrderId(fill.ClientOrderId), instrument, fill.Side, Price.FromDecimal(fill.Price), Quantity.FromDecimal(fill.Quantity),
                    fill.Fee, fill.FeeAsset, fill.Liquidity, fill.TimeMs),
                -1,
                0);
        }

        return [.. instruments.Select(i => portfolio.GetPosition(i)).Select(p => (p.Instrument.Symbol, p.Quantity.ToDecimal(), p.AverageEntryPrice, p.RealizedPnl))];
    }

    public IReadOnlyList<(string Symbol, decimal Quantity, decimal AveragePrice, decimal RealizedPnl)> StoredPositions() =>
        [.. Positions.Select(p => (p.Symbol, p.Quantity, p.AveragePrice, p.RealizedPnl))];
}
