using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class SignalTests
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    [Theory]
    [InlineData(SignalDirection.Long, 1.0, 1.0)]
    [InlineData(SignalDirection.Short, 0.0, 0.0)]
    [InlineData(SignalDirection.Flat, 0.5, 1.0)]
    public void Malformation_IsNull_ForAWellFormedSignal(SignalDirection direction, double strength, double confidence) =>
        Assert.Null(new Signal(Btc, direction, strength, confidence).Malformation());

    [Theory]
    [InlineData(-0.01, 1.0, "strength")]
    [InlineData(1.01, 1.0, "strength")]
    [InlineData(double.NaN, 1.0, "strength")]
    [InlineData(double.PositiveInfinity, 1.0, "strength")]
    [InlineData(1.0, -0.5, "confidence")]
    [InlineData(1.0, 2.0, "confidence")]
    [InlineData(1.0, double.NaN, "confidence")]
    public void Malformation_NamesAStrengthOrConfidenceOutsideZeroToOne(double strength, double confidence, string field)
    {
        var malformation = new Signal(Btc, SignalDirection.Long, strength, confidence).Malformation();

        Assert.NotNull(malformation);
        Assert.StartsWith(field, malformation, StringComparison.Ordinal);
        Assert.Contains("outside [0, 1]", malformation, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformation_NamesAMissingInstrument() =>
        Assert.Equal("instrument is missing", new Signal(null!, SignalDirection.Long).Malformation());

    [Fact]
    public void Malformation_NamesAnUnknownDirection() =>
        Assert.Equal("direction is unknown", new Signal(Btc, (SignalDirection)2).Malformation());

    [Theory]
    [InlineData(SignalDirection.Long, 0.5, 0.5)]
    [InlineData(SignalDirection.Short, 0.25, -0.25)]
    [InlineData(SignalDirection.Flat, 1.0, 0.0)]
    public void TargetExposure_IsDirectionTimesStrength(SignalDirection direction, double strength, double exposure) =>
        Assert.Equal(exposure, new Signal(Btc, direction, strength).TargetExposure);
}
