using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class TickLotRoundingTests
{
    // Step 0.5: 1.25 and 1.75 are exact midpoints; 1.2 and 1.3 are not.
    public static TheoryData<string, MidpointRounding, string> Cases => new()
    {
        { "1.25", MidpointRounding.ToEven, "1" },
        { "1.75", MidpointRounding.ToEven, "2" },
        { "-1.25", MidpointRounding.ToEven, "-1" },
        { "-1.75", MidpointRounding.ToEven, "-2" },
        { "1.3", MidpointRounding.ToEven, "1.5" },
        { "-1.2", MidpointRounding.ToEven, "-1" },
        { "1.25", MidpointRounding.AwayFromZero, "1.5" },
        { "-1.25", MidpointRounding.AwayFromZero, "-1.5" },
        { "1.2", MidpointRounding.AwayFromZero, "1" },
        { "-1.3", MidpointRounding.AwayFromZero, "-1.5" },
        { "1.25", MidpointRounding.ToZero, "1" },
        { "1.49999999", MidpointRounding.ToZero, "1" },
        { "-1.49999999", MidpointRounding.ToZero, "-1" },
        { "1.25", MidpointRounding.ToNegativeInfinity, "1" },
        { "-1.25", MidpointRounding.ToNegativeInfinity, "-1.5" },
        { "-1.00000001", MidpointRounding.ToNegativeInfinity, "-1.5" },
        { "1.25", MidpointRounding.ToPositiveInfinity, "1.5" },
        { "1.00000001", MidpointRounding.ToPositiveInfinity, "1.5" },
        { "-1.49999999", MidpointRounding.ToPositiveInfinity, "-1" },
        { "-1.5", MidpointRounding.ToPositiveInfinity, "-1.5" },
        { "0", MidpointRounding.AwayFromZero, "0" },
        { "0.2", MidpointRounding.ToEven, "0" },
        { "-0.25", MidpointRounding.ToEven, "0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundToTick_RoundsToAMultipleOfTheTick_InTheStatedDirection(string price, MidpointRounding mode, string expected)
    {
        var rounded = Price.Parse(price).RoundToTick(Price.Parse("0.5"), mode);
        Assert.Equal(Price.Parse(expected), rounded);
        Assert.True(rounded.IsMultipleOf(Price.Parse("0.5")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundToLot_RoundsToAMultipleOfTheLot_InTheStatedDirection(string quantity, MidpointRounding mode, string expected)
    {
        Assert.Equal(Quantity.Parse(expected), Quantity.Parse(quantity).RoundToLot(Quantity.Parse("0.5"), mode));
    }

    [Theory]
    [InlineData(MidpointRounding.ToEven)]
    [InlineData(MidpointRounding.AwayFromZero)]
    [InlineData(MidpointRounding.ToZero)]
    [InlineData(MidpointRounding.ToNegativeInfinity)]
    [InlineData(MidpointRounding.ToPositiveInfinity)]
    public void Rounding_AgreesWithDecimalRound_ForEveryValueInARange(MidpointRounding mode)
    {
        var tick = Price.FromUnits(7);
        for (var units = -200L; units <= 200; units++)
        {
            var expected = decimal.Round(units / 7m, mode) * 7;
            Assert.Equal((long)expected, Price.FromUnits(units).RoundToTick(tick, mode).Units);
            Assert.Equal((long)expected, Quantity.FromUnits(units).RoundToLot(Quantity.FromUnits(7), mode).Units);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Rounding_RefusesANonPositiveStep(long step)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.Parse("1").RoundToTick(Price.FromUnits(step), MidpointRounding.ToZero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.Parse("1").RoundToLot(Quantity.FromUnits(step), MidpointRounding.ToZero));
    }

    [Fact]
    public void Rounding_RefusesAnUnknownMode() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.Parse("1.3").RoundToTick(Price.Parse("0.5"), (MidpointRounding)99));

    [Fact]
    public void Rounding_RefusesAResultBeyondTheRange() =>
        Assert.Throws<OverflowException>(() => Price.FromUnits(long.MaxValue).RoundToTick(Price.FromUnits(1_000), MidpointRounding.ToPositiveInfinity));

    [Fact]
    public void IsMultipleOf_IsFalseForANonPositiveStep()
    {
        Assert.True(Price.Parse("1.5").IsMultipleOf(Price.Parse("0.5")));
        Assert.False(Price.Parse("1.5").IsMultipleOf(Price.Zero));
        Assert.False(Quantity.Parse("1.5").IsMultipleOf(Quantity.Parse("-0.5")));
    }
}
