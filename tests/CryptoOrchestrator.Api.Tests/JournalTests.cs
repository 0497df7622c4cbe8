using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Api.Tests;

/// <summary>Orders, fills, positions and equity are served from the store, exactly as journaled.</summary>
public class JournalTests
{
    [Theory]
    [MemberData(nameof(ProviderMatrix.All), MemberType = typeof(ProviderMatrix))]
    public async Task StoredOrdersFillsPositionsAndEquity_AreServedExactly(StoreKind store, BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store, Bus = bus });
        await JournalAsync(node.Store, "journaled");
        using var viewer = await node.UserAsync(Role.Viewer);

        var orders = (await viewer.GetJsonAsync("/api/bots/journaled/orders")).EnumerateArray().ToList();
        var page = (await viewer.GetJsonAsync("/api/bots/journaled/orders?after=1&limit=1")).EnumerateArray().ToList();
        var order = await viewer.GetJsonAsync("/api/bots/journaled/orders/1");
        var fills = (await viewer.GetJsonAsync("/api/bots/journaled/fills")).EnumerateArray().ToList();
        var position = Assert.Single((await viewer.GetJsonAsync("/api/bots/journaled/positions")).EnumerateArray());
        var equity = (await viewer.GetJsonAsync("/api/bots/journaled/equity?from=1000")).EnumerateArray().ToList();

        Assert.Equal([1L, 2L], orders.Select(o => o.GetProperty("clientOrderId").GetInt64()));
        Assert.Equal("Filled", orders[0].GetProperty("status").GetString());
        Assert.Equal(2, Assert.Single(page).GetProperty("clientOrderId").GetInt64());
        Assert.Equal(["New", "Accepted", "Filled"], order.GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("status").GetString()));
        Assert.Equal(0.12345678m, Assert.Single(fills).GetProperty("quantity").GetDecimal());
        Assert.Equal(43210.98765432m, fills[0].GetProperty("price").GetDecimal());
        Assert.Equal(0.12345678m, position.GetProperty("quantity").GetDecimal());
        Assert.Equal(12.3456789012m, position.GetProperty("realizedPnl").GetDecimal());
        Assert.Equal([10_000.01m], equity.Select(e => e.GetProperty("equity").GetDecimal()));
        await viewer.GetJsonAsync("/api/bots/journaled/orders/99", 404);
        await viewer.GetJsonAsync("/api/bots/ghost/fills", 404);
    }

    [Fact]
    public async Task Cancel_OfAnUnknownOrder_Is404_AndOfAFinalOne_Is409()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("journaled"), 201);
        await JournalAsync(node.Store, "journaled");

        await trader.PostJsonAsync("/api/bots/journaled/orders/77/cancel", status: 404);
        var final = await trader.PostJsonAsync("/api/bots/journaled/orders/1/cancel", status: 409);
        await trader.PostJsonAsync("/api/bots/ghost/orders/1/cancel", status: 404);

        Assert.Contains("Filled", final.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A bot's journal written through the store's own API, as the runtime writes it.</summary>
    private static async Task JournalAsync(IStore store, string botId)
    {
        if (await store.Bots.GetAsync(botId) is null)
        {
            await store.Bots.CreateAsync(new BotRecord(botId, botId, "{}", Persistence.BotStatus.Stopped, 1_000, 1_000));
        }

        await store.Orders.JournalAsync(Order(botId, 1));
        await store.Orders.RecordTransitionAsync(new OrderTransition(botId, 1, 2, OrderStatus.Accepted, 0m, 0m, null, 1_001));
        await store.Orders.RecordFillAsync(
            new FillRecord(botId, 1, 1, "BTCUSDT", OrderSide.Buy, 43210.98765432m, 0.12345678m, 0.0123m, "USDT", Liquidity.Taker, 1_002),
            new OrderTransition(botId, 1, 3, OrderStatus.Filled, 0.12345678m, 43210.98765432m * 0.12345678m, null, 1_002));
        await store.Orders.JournalAsync(Order(botId, 2));
        await store.Positions.UpsertAsync(new PositionRecord(botId, "BTCUSDT", 0.12345678m, 43210.98765432m, 12.3456789012m, 1_002));
        await store.Equity.AddAsync(new EquitySnapshot(botId, 999, 10_000m, 10_000m));
        await store.Equity.AddAsync(new EquitySnapshot(botId, 1_002, 4_665.5m, 10_000.01m));
    }

    private static OrderRecord Order(string botId, long id) => new(
        botId, id, "sma-crossover", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.12345678m, null, null, TimeInForce.Gtc, false,
        OrderStatus.New, 0m, 0m, null, 1_000, 1_000);
}
