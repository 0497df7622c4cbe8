using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class ExchangeBarValidationTests
{
    private readonly ExchangeHarness _h = new();

    [Fact]
    public void ImpossibleBar_IsRefused_NamingTheInstrumentAndTheProblem()
    {
        var highBelowLow = Bar(0, "100", "90", "95", "92");

        var error = Assert.Throws<ArgumentException>(() => _h.Exchange.OnBar(BtcUsdt, highBelowLow));

        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
        Assert.Contains("high is below low", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BarNotAfterTheCurrentOne_IsRefused()
    {
        _h.Exchange.OnBar(BtcUsdt, Bar(5, "100", "100", "100", "100"));

        var error = Assert.Throws<ArgumentException>(() => _h.Exchange.OnBar(BtcUsdt, Bar(5, "100", "100", "100", "100")));

        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BarsOfAnotherInstrument_DoNotTouchThisInstrumentsOrders()
    {
        _h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));

        _h.Exchange.OnBar(EthUsdt, Bar(0, "3000", "3000", "3000", "3000"));
        Assert.Empty(_h.Events.Fills);

        _h.FlatBar("50000");
        Assert.Equal(Px("50000"), Assert.Single(_h.Events.Fills).Price);
    }
}
