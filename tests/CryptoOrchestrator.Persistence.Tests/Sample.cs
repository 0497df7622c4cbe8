using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Tests;

/// <summary>Records with sensible values, and bots with unique ids so tests sharing a database never meet.</summary>
internal static class Sample
{
    public const long Time = 1_700_000_000_000;

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static BotRecord Bot(string? id = null) =>
        new(id ?? NewId("bot"), "Trend follower", """{"strategies":["sma-crossover"]}""", BotStatus.Created, Time, Time);

    public static async Task<string> NewBotAsync(this IStore store)
    {
        var bot = Bot();
        await store.Bots.CreateAsync(bot);
        return bot.Id;
    }

    public static OrderRecord Order(string botId, long clientOrderId, decimal quantity = 2m, decimal? limitPrice = 100m) =>
        new(botId, clientOrderId, "sma-crossover", "BTCUSDT", OrderSide.Buy, limitPrice is null ? OrderType.Market : OrderType.Limit,
            quantity, limitPrice, null, TimeInForce.Gtc, false, OrderStatus.New, 0m, 0m, null, Time, Time);

    public static OrderTransition Transition(string botId, long clientOrderId, OrderStatus status, decimal filled = 0m, decimal notional = 0m, long sequence = 0, string? reason = null) =>
        new(botId, clientOrderId, sequence, status, filled, notional, reason, Time + sequence);

    public static FillRecord Fill(string botId, long clientOrderId, int fillSequence, decimal price = 100m, decimal quantity = 1m, long time = Time) =>
        new(botId, clientOrderId, fillSequence, "BTCUSDT", OrderSide.Buy, price, quantity, 0.1m, "USDT", Liquidity.Taker, time);

    /// <summary>Journals an order and moves it to Accepted, as the exchange's acknowledgement would.</summary>
    public static async Task AcceptedOrderAsync(this IStore store, string botId, long clientOrderId, decimal quantity = 2m)
    {
        await store.Orders.JournalAsync(Order(botId, clientOrderId, quantity));
        await store.Orders.RecordTransitionAsync(Transition(botId, clientOrderId, OrderStatus.Accepted));
    }
}
