using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Accounting;

/// <summary>Instruments and fills for portfolio tests, written in plain decimals.</summary>
internal static class TestFills
{
    public static readonly Instrument Btc = new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 0m);

    public static readonly Instrument Eth = new("ETHUSDT", "ETH", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.01m), 0m);

    public static Fill Buy(Instrument instrument, decimal quantity, decimal price, decimal fee = 0m, long time = 0) =>
        Make(instrument, OrderSide.Buy, quantity, price, fee, time);

    public static Fill Sell(Instrument instrument, decimal quantity, decimal price, decimal fee = 0m, long time = 0) =>
        Make(instrument, OrderSide.Sell, quantity, price, fee, time);

    public static Fill Make(Instrument instrument, OrderSide side, decimal quantity, decimal price, decimal fee, long time) =>
        new(new ClientOrderId(7), instrument, side, Price.FromDecimal(price), Quantity.FromDecimal(quantity), fee, instrument.QuoteAsset, Liquidity.Taker, time);
}
