using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Tests.Plugins;

public class RiskDecisionTests
{
    [Fact]
    public void Approve_CarriesNoReasonAndNoQuantity()
    {
        var decision = RiskDecision.Approve();

        Assert.Equal(RiskDecisionKind.Approve, decision.Kind);
        Assert.Null(decision.ReasonCode);
        Assert.True(decision.Quantity.IsZero);
    }

    [Fact]
    public void Resize_CarriesTheNewQuantityAndReason()
    {
        var decision = RiskDecision.Resize(Quantity.Parse("0.5"), "max-position");

        Assert.Equal(RiskDecisionKind.Resize, decision.Kind);
        Assert.Equal(Quantity.Parse("0.5"), decision.Quantity);
        Assert.Equal("max-position", decision.ReasonCode);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Resize_RefusesANonPositiveQuantity(long units) =>
        Assert.Equal("quantity", Assert.Throws<ArgumentOutOfRangeException>(() => RiskDecision.Resize(Quantity.FromUnits(units), "max-position")).ParamName);

    [Fact]
    public void Reject_CarriesTheReason()
    {
        var decision = RiskDecision.Reject("max-drawdown");

        Assert.Equal(RiskDecisionKind.Reject, decision.Kind);
        Assert.Equal("max-drawdown", decision.ReasonCode);
        Assert.True(decision.Quantity.IsZero);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ResizeAndReject_RefuseABlankReason(string reason)
    {
        Assert.Throws<ArgumentException>(() => RiskDecision.Reject(reason));
        Assert.Throws<ArgumentException>(() => RiskDecision.Resize(Quantity.FromWhole(1), reason));
    }

    [Fact]
    public void ResizeAndReject_RefuseANullReason()
    {
        Assert.Throws<ArgumentNullException>(() => RiskDecision.Reject(null!));
        Assert.Throws<ArgumentNullException>(() => RiskDecision.Resize(Quantity.FromWhole(1), null!));
    }
}
