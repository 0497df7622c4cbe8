using CryptoOrchestrator.Runtime.Feeds;

namespace CryptoOrchestrator.Runtime.Tests.Feeds;

public class FeedSpeedTests
{
    [Theory]
    [InlineData("max", null)]
    [InlineData("MAX", null)]
    [InlineData("60", 60.0)]
    [InlineData("60x", 60.0)]
    [InlineData(" 0.5 ", 0.5)]
    public void Parse_ReadsMaxOrAMultiple(string text, double? multiple)
    {
        Assert.Equal(multiple, FeedSpeed.Parse(text).Multiple);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("fast")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Parse_RefusesWhatIsNotASpeed_SayingWhatIs(string text)
    {
        var refusal = Assert.Throws<FormatException>(() => FeedSpeed.Parse(text));

        Assert.Contains(FeedSpeed.Syntax, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_RoundTrips()
    {
        Assert.Equal("max", FeedSpeed.AsFastAsPossible.ToString());
        Assert.Equal(FeedSpeed.Times(2.5), FeedSpeed.Parse(FeedSpeed.Times(2.5).ToString()));
    }
}
