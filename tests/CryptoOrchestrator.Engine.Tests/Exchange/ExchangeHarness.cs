using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

/// <summary>A simulated exchange on BTCUSDT wired to a recorder, with orders numbered 1, 2, 3…</summary>
internal sealed class ExchangeHarness
{
    private long _lastId;

    public ExchangeHarness(SimulatedExchangeOptions? options = null)
    {
        Exchange = new SimulatedExchange(options ?? new SimulatedExchangeOptions());
        Exchange.Connect(new MinimalPluginContext(), Events);
    }

    public SimulatedExchange Exchange { get; }

    public RecordingExchangeEvents Events { get; } = new();

    /// <summary>Number of the bar the next <see cref="Bar"/> call delivers.</summary>
    public int NextBarIndex { get; private set; }

    public ClientOrderId Submit(in OrderRequest request)
    {
        var id = new ClientOrderId(++_lastId);
        Exchange.Submit(NewOrder(id, request));
        return id;
    }

    public Bar Bar(string open, string high, string low, string close, string volume = "1000")
    {
        var bar = TestMarket.Bar(NextBarIndex++, open, high, low, close, volume);
        Exchange.OnBar(TestMarket.BtcUsdt, bar);
        return bar;
    }

    /// <summary>A flat bar at <paramref name="price"/>, to set the current bar without filling anything far away.</summary>
    public Bar FlatBar(string price, string volume = "1000") => Bar(price, price, price, price, volume);

    public static OrderSnapshot NewOrder(ClientOrderId id, in OrderRequest request) =>
        new(id, request with { ClientOrderId = id }, OrderStatus.New, Quantity.Zero, 0m, 0, null);
}
