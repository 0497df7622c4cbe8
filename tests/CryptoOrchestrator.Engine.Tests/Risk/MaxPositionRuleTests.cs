using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Risk;

public class MaxPositionRuleTests
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    [Fact]
    public void Approves_WhatStaysWithinTheCap()
    {
        var decision = Rule(2).Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(1)), new Held(Quantity.FromWhole(1)));

        Assert.Equal(RiskDecisionKind.Approve, decision.Kind);
    }

    [Fact]
    public void Resizes_ToTheRoomLeft()
    {
        var decision = Rule(2).Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(3)), new Held(Quantity.FromWhole(1)));

        Assert.Equal(RiskDecisionKind.Resize, decision.Kind);
        Assert.Equal(Quantity.FromWhole(1), decision.Quantity);
        Assert.Equal(MaxPositionRule.ReasonCode, decision.ReasonCode);
    }

    [Fact]
    public void CountsTheReducingPartOfAReversal_AsRoom()
    {
        // Short 2, buy 5: 2 close the short, 2 more fit under the cap.
        var decision = Rule(2).Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(5)), new Held(Quantity.FromWhole(-2)));

        Assert.Equal(Quantity.FromWhole(4), decision.Quantity);
    }

    [Fact]
    public void Rejects_WhenNothingFits()
    {
        var decision = Rule(2).Evaluate(OrderRequest.Market(Btc, OrderSide.Sell, Quantity.FromWhole(1)), new Held(Quantity.FromWhole(-2)));

        Assert.Equal(RiskDecisionKind.Reject, decision.Kind);
    }

    private static MaxPositionRule Rule(long max) => new(Quantity.FromWhole(max));

    private sealed class Held(Quantity quantity) : IPortfolioView
    {
        public decimal Cash => 0m;

        public decimal Equity => 0m;

        public Position GetPosition(Instrument instrument) => new(instrument, quantity, 0m, 0m, 0);

        public Price LastPrice(Instrument instrument) => Price.FromDecimal(100m);
    }
}
