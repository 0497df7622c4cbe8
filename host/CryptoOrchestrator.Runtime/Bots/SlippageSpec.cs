using System.Globalization;
using CryptoOrchestrator.Engine.Exchange;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// The slippage syntax of paper bots and of <c>orchestrator backtest --slippage</c>: <c>none</c>,
/// <c>bps:N</c> (fixed basis points), <c>range:F</c> (a fraction of the bar's high-low range) or
/// <c>volume:IMPACT:LIMIT</c> (volume share).
/// </summary>
public static class SlippageSpec
{
    /// <summary>What <see cref="Parse"/> accepts.</summary>
    public const string Help = "none | bps:N | range:FRACTION | volume:IMPACT:VOLUME_LIMIT";

    /// <summary>The model <paramref name="text"/> describes; a <see cref="FormatException"/> quoting it says what is wrong.</summary>
    public static ISlippageModel Parse(string text) =>
        SpecText.Parse<ISlippageModel>(text, Help, parts => parts switch
        {
            ["none"] => NoSlippage.Instance,
            ["bps", var bps] => new FixedBpsSlippage(Number(bps)),
            ["range", var fraction] => new BarRangeSlippage(Number(fraction)),
            ["volume", var impact, var limit] => new VolumeShareSlippage(Number(impact), Number(limit)),
            _ => null,
        });

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
