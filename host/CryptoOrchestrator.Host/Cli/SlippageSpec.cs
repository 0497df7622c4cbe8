using System.Globalization;
using CryptoOrchestrator.Engine.Exchange;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// Parses <c>--slippage</c>: <c>none</c>, <c>bps:N</c> (fixed basis points), <c>range:F</c>
/// (a fraction of the bar's high-low range) or <c>volume:IMPACT:LIMIT</c> (volume share).
/// </summary>
internal static class SlippageSpec
{
    public const string Help = "none | bps:N | range:FRACTION | volume:IMPACT:VOLUME_LIMIT";

    public static ISlippageModel Parse(string text)
    {
        var parts = text.Split(':');
        try
        {
            return parts switch
            {
                ["none"] => NoSlippage.Instance,
                ["bps", var bps] => new FixedBpsSlippage(Number(bps)),
                ["range", var fraction] => new BarRangeSlippage(Number(fraction)),
                ["volume", var impact, var limit] => new VolumeShareSlippage(Number(impact), Number(limit)),
                _ => throw new UsageException($"--slippage '{text}' is not one of: {Help}."),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            throw new UsageException($"--slippage '{text}': {ex.Message}");
        }
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
