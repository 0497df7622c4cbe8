using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Tests.Exchange;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Orders;

/// <summary>An order manager in front of a recording exchange; the test plays the venue.</summary>
internal sealed class ManagerHarness
{
    public const long Now = 1_700_000_000_000;

    public ManagerHarness() => Manager = new OrderManager(Exchange, Listener);

    public OrderManager Manager { get; }

    public RecordingOrderListener Listener { get; } = new();

    public RecordingExchange Exchange { get; } = new();

    public static Instrument Btc => TestMarket.BtcUsdt;

    /// <summary>A 0.01 BTC limit buy at 50,000 (500 USDT): well formed, on the grid, above the minimum notional.</summary>
    public static OrderRequest LimitBuy(long id = 0, int priority = 0) =>
        OrderRequest.Limit(Btc, OrderSide.Buy, TestMarket.Qty("0.01"), TestMarket.Px("50000")) with
        {
            ClientOrderId = new ClientOrderId(id),
            Priority = priority,
        };

    public OrderSnapshot Submit(in OrderRequest request, int owner = 0) =>
        Manager.Submit(request, owner, Now, TestMarket.Px("50000"));

    /// <summary>Submits, flushes and has the venue accept the order.</summary>
    public ClientOrderId Working(in OrderRequest request, int owner = 0)
    {
        var id = Submit(request, owner).Id;
        Manager.Flush(Now);
        Manager.OnOrderStatus(id, OrderStatus.Accepted, null);
        return id;
    }

    public static Fill FillOf(ClientOrderId id, string quantity, string price, long time = Now + 1) =>
        new(id, Btc, OrderSide.Buy, TestMarket.Px(price), TestMarket.Qty(quantity), 0m, "USDT", Liquidity.Maker, time);

    public OrderSnapshot Open(ClientOrderId id) =>
        Manager.TryGet(id, out var order) ? order : throw new InvalidOperationException($"{id} is not open.");
}
