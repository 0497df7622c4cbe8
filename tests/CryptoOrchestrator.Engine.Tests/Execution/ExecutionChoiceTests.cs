using CryptoOrchestrator.Engine.Execution;

namespace CryptoOrchestrator.Engine.Tests.Execution;

public class ExecutionChoiceTests
{
    [Fact]
    public void Direct_MeansNoAlgorithm() => Assert.Null(ExecutionChoice.Parse("direct"));

    [Fact]
    public void Market_CreatesAFreshMarketExecutionEachTime()
    {
        var create = ExecutionChoice.Parse("market")!;

        Assert.IsType<MarketExecution>(create());
        Assert.NotSame(create(), create());
    }

    [Fact]
    public void Twap_CarriesItsSliceCount() =>
        Assert.Equal(12, Assert.IsType<TwapExecution>(ExecutionChoice.Parse("twap:12")!()).Slices);

    [Theory]
    [InlineData("twap")]
    [InlineData("twap:0")]
    [InlineData("twap:-3")]
    [InlineData("twap:2.5")]
    [InlineData("vwap")]
    [InlineData("")]
    public void UnknownOrMalformed_FailsNamingTheTextAndTheForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => ExecutionChoice.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(ExecutionChoice.Help, error.Message, StringComparison.Ordinal);
    }
}
