using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

/// <summary>Instruments with Binance's spot rules and terse builders for prices, quantities and one-minute bars.</summary>
internal static class TestMarket
{
    public const long BarMs = 60_000;

    /// <summary>BTCUSDT as Binance lists it: tick 0.01, lot 0.00001, minimum notional 5 USDT.</summary>
    public static Instrument BtcUsdt { get; } = new("BTCUSDT", "BTC", "USDT", Px("0.01"), Qty("0.00001"), 5m);

    /// <summary>ETHUSDT as Binance lists it: tick 0.01, lot 0.0001, minimum notional 5 USDT.</summary>
    public static Instrument EthUsdt { get; } = new("ETHUSDT", "ETH", "USDT", Px("0.01"), Qty("0.0001"), 5m);

    public static Price Px(string text) => Price.Parse(text);

    public static Quantity Qty(string text) => Quantity.Parse(text);

    /// <summary>The one-minute bar number <paramref name="index"/> (opening at index × 1 minute).</summary>
    public static Bar Bar(int index, string open, string high, string low, string close, string volume = "1000") =>
        new(index * BarMs, (index * BarMs) + BarMs - 1, Px(open), Px(high), Px(low), Px(close), Qty(volume));
}
