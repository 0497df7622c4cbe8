using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.Accounting;

/// <summary>
/// The accounting identities, checked with decimal == after every step of random histories of
/// fills (both sides, any size on the lot, any price on the tick, fees, owners, reversals) and marks.
/// </summary>
public class PortfolioPropertyTests
{
    private const decimal InitialCash = 1_000_000m;
    private const int Owners = 3;

    // Coarse and fine grids, and a quote asset other than USDT, so rounding gets exercised.
    private static readonly Instrument[] Instruments =
    [
        new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 0m),
        new("ETHBTC", "ETH", "BTC", Price.FromDecimal(0.000001m), Quantity.FromDecimal(0.0001m), 0m),
        new("DOGEUSDT", "DOGE", "USDT", Price.FromDecimal(0.00001m), Quantity.FromWhole(1), 0m),
    ];

    private enum StepKind
    {
        Fill,
        Mark,
        FlattenOwner,
        FlattenAccount,
    }

    private sealed record Step(StepKind Kind, int Instrument, OrderSide Side, int Lots, int Ticks, int FeeUnits, int Owner);

    private static readonly Gen<Step> StepGen =
        from kind in Gen.Frequency((6, Gen.Constant(StepKind.Fill)), (3, Gen.Constant(StepKind.Mark)), (1, Gen.Constant(StepKind.FlattenOwner)), (1, Gen.Constant(StepKind.FlattenAccount)))
        from instrument in Gen.Choose(0, Instruments.Length - 1)
        from side in Gen.Elements(OrderSide.Buy, OrderSide.Sell)
        from lots in Gen.OneOf(Gen.Choose(1, 10), Gen.Choose(1, 20_000))
        from ticks in Gen.Choose(1, 5_000_000)
        from feeUnits in Gen.OneOf(Gen.Constant(0), Gen.Choose(1, 3_000_000))
        from owner in Gen.Choose(-1, Owners - 1)
        select new Step(kind, instrument, side, lots, ticks, feeUnits, owner);

    private static readonly Arbitrary<Step[]> Histories = Gen.ArrayOf(StepGen).ToArbitrary();

    [Fact]
    public void Identities_HoldExactly_AfterEveryFillAndMark()
    {
        Prop.ForAll(Histories, steps =>
        {
            var (account, _, _) = Run(steps, checkEveryStep: true);
            AssertIdentities(account);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ClosedTrades_AddUpToRealizedPnlAndFees_OnceEverythingIsFlat()
    {
        Prop.ForAll(Histories, steps =>
        {
            var (account, trades, ledgerTrades) = Run(steps, checkEveryStep: false);
            for (var owner = -1; owner < Owners; owner++)
            {
                for (var i = 0; i < Instruments.Length; i++)
                {
                    Flatten(account, i, owner, ticks: 1 + ((owner + 2) * 17), bar: steps.Length, account.Ledger(owner).GetPosition(i).Quantity);
                }
            }

            AssertIdentities(account);
            Assert.False(account.HasOpenPosition);
            Assert.Equal(account.RealizedPnl, trades.GrossPnlSum);
            Assert.Equal(account.TotalFees, trades.FeeSum);
            Assert.Equal(account.InitialCash + account.RealizedPnl - account.TotalFees, account.Cash);
            Assert.Equal(0m, account.UnrealizedPnl);
            for (var owner = -1; owner < Owners; owner++)
            {
                var ledger = account.Ledger(owner);
                Assert.Equal(ledger.RealizedPnl, ledgerTrades[owner + 1].GrossPnlSum);
                Assert.Equal(ledger.TotalFees, ledgerTrades[owner + 1].FeeSum);
                Assert.Equal(ledger.RealizedPnl - ledger.TotalFees, ledger.Cash);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void OpenTrades_CarryTheRealizedPnlNotYetInAClosedTrade()
    {
        Prop.ForAll(Histories, steps =>
        {
            var (account, trades, _) = Run(steps, checkEveryStep: false);
            var openGross = 0m;
            var openFees = 0m;
            for (var i = 0; i < Instruments.Length; i++)
            {
                openGross += account.OpenTradeGrossPnl(i);
                openFees += account.OpenTradeFees(i);
            }

            Assert.Equal(account.RealizedPnl, trades.GrossPnlSum + openGross);
            Assert.Equal(account.TotalFees, trades.FeeSum + openFees);
        }).QuickCheckThrowOnFailure();
    }

    private static (Portfolio Portfolio, TradeRecorder Trades, TradeRecorder[] LedgerTrades) Run(Step[] steps, bool checkEveryStep)
    {
        var trades = new TradeRecorder();
        var account = new Portfolio(InitialCash, Instruments, Owners) { TradeListener = trades };
        var ledgerTrades = new TradeRecorder[Owners + 1];
        for (var owner = -1; owner < Owners; owner++)
        {
            ledgerTrades[owner + 1] = new TradeRecorder();
            account.Ledger(owner).TradeListener = ledgerTrades[owner + 1];
        }

        for (var bar = 0; bar < steps.Length; bar++)
        {
            var step = steps[bar];
            var instrument = Instruments[step.Instrument];
            var price = Price.FromUnits(instrument.TickSize.Units * step.Ticks);
            switch (step.Kind)
            {
                case StepKind.Mark:
                    account.Mark(step.Instrument, price);
                    break;
                case StepKind.FlattenOwner:
                    Flatten(account, step.Instrument, step.Owner, step.Ticks, bar, account.Ledger(step.Owner).GetPosition(step.Instrument).Quantity);
                    break;
                case StepKind.FlattenAccount:
                    Flatten(account, step.Instrument, step.Owner, step.Ticks, bar, account.GetPosition(step.Instrument).Quantity);
                    break;
                default:
                    var quantity = Quantity.FromUnits(instrument.LotSize.Units * step.Lots);
                    var fill = new Fill(new ClientOrderId(bar + 1), instrument, step.Side, price, quantity, step.FeeUnits / 100_000_000m, instrument.QuoteAsset, Liquidity.Taker, bar * 60_000L);
                    account.ApplyFill(fill, step.Owner, bar);
                    break;
            }

            if (checkEveryStep)
            {
                AssertIdentities(account);
            }
        }

        return (account, trades, ledgerTrades);
    }

    /// <summary>Trades <paramref name="held"/> back to zero in one fill booked for <paramref name="owner"/>.</summary>
    private static void Flatten(Portfolio account, int index, int owner, int ticks, int bar, Quantity held)
    {
        if (held.IsZero)
        {
            return;
        }

        var instrument = Instruments[index];
        var side = held.IsNegative ? OrderSide.Buy : OrderSide.Sell;
        var price = Price.FromUnits(instrument.TickSize.Units * ticks);
        var fill = new Fill(new ClientOrderId(1), instrument, side, price, held.Abs(), 0.0001m, instrument.QuoteAsset, Liquidity.Maker, bar * 60_000L);
        account.ApplyFill(fill, owner, bar);
    }

    private static void AssertIdentities(Portfolio account)
    {
        var marked = 0m;
        var costs = 0m;
        for (var i = 0; i < Instruments.Length; i++)
        {
            var position = account.GetPosition(i);
            marked += account.LastPrice(i).Times(position.Quantity);
            costs += position.CostBasis;
            var ownersHold = Quantity.Zero;
            for (var owner = -1; owner < Owners; owner++)
            {
                ownersHold += account.Ledger(owner).GetPosition(i).Quantity;
            }

            Assert.Equal(position.Quantity, ownersHold);
        }

        Assert.Equal(account.Cash + marked, account.Equity);
        Assert.Equal(marked - costs, account.UnrealizedPnl);
        Assert.Equal(account.Equity - account.InitialCash, account.RealizedPnl + account.UnrealizedPnl - account.TotalFees);

        var ledgerEquity = 0m;
        var ledgerFees = 0m;
        var ledgerCash = 0m;
        for (var owner = -1; owner < Owners; owner++)
        {
            var ledger = account.Ledger(owner);
            Assert.Equal(ledger.Equity - ledger.InitialCash, ledger.RealizedPnl + ledger.UnrealizedPnl - ledger.TotalFees);
            ledgerEquity += ledger.Equity - ledger.InitialCash;
            ledgerFees += ledger.TotalFees;
            ledgerCash += ledger.Cash;
        }

        Assert.Equal(account.Equity - account.InitialCash, ledgerEquity);
        Assert.Equal(account.TotalFees, ledgerFees);
        Assert.Equal(account.Cash - account.InitialCash, ledgerCash);
    }
}
