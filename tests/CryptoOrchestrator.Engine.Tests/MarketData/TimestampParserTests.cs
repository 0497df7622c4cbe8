using CryptoOrchestrator.Engine.MarketData;
using System.Text;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class TimestampParserTests
{
    [Theory]
    [InlineData("1700000000", 1_700_000_000_000)]
    [InlineData("1700000000123", 1_700_000_000_123)]
    [InlineData("1735689600000000", 1_735_689_600_000)]
    [InlineData("1735689659999999", 1_735_689_659_999)]
    [InlineData("2024-01-01", 1_704_067_200_000)]
    [InlineData("2024/01/01", 1_704_067_200_000)]
    [InlineData("2024-01-01T00:00", 1_704_067_200_000)]
    [InlineData("2024-01-01 12:30:15", 1_704_112_215_000)]
    [InlineData("2024-01-01T12:30:15.5Z", 1_704_112_215_500)]
    [InlineData("2024-01-01T12:30:15.123999Z", 1_704_112_215_123)]
    [InlineData("2024-01-01T12:30:15+02:00", 1_704_105_015_000)]
    [InlineData("2024-01-01T12:30:15-0330", 1_704_124_815_000)]
    [InlineData("2024-02-29T00:00:00Z", 1_709_164_800_000)]
    public void Parses_EpochByDigitCount_AndIso8601(string text, long expected)
    {
        Assert.True(TimestampParser.TryParse(Encoding.UTF8.GetBytes(text), out var unixMs));
        Assert.Equal(expected, unixMs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("17000000000000000")]
    [InlineData("2023-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-01-01T24:00:00")]
    [InlineData("2024-01-01T12:60")]
    [InlineData("2024-01-01T12:30:15+2")]
    [InlineData("2024-01-01T12:30:15 UTC")]
    [InlineData("01/02/2024")]
    [InlineData("-1700000000")]
    [InlineData("1.7e12")]
    public void Refuses_AnythingElse(string text)
    {
        Assert.False(TimestampParser.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
