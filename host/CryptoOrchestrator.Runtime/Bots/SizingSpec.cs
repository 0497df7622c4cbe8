using System.Globalization;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// The sizing syntax of bots and of <c>orchestrator backtest --sizing</c>: <c>fixed:QTY</c> (a fixed
/// quantity), <c>fraction:F</c> (a share of equity; 1 = all of it in whole lots, fees included) or
/// <c>vol-target:ANNUAL[:MAXLEVERAGE]</c>.
/// </summary>
public static class SizingSpec
{
    /// <summary>What <see cref="Parse"/> accepts.</summary>
    public const string Help = "fixed:QTY | fraction:F | vol-target:ANNUAL_VOL[:MAX_LEVERAGE]";

    /// <summary>The sizer <paramref name="text"/> describes; a <see cref="FormatException"/> quoting it says what is wrong.</summary>
    public static IPositionSizer Parse(string text) =>
        SpecText.Parse<IPositionSizer>(text, Help, parts => parts switch
        {
            ["fixed", var quantity] => new FixedQuantitySizer(Quantity.Parse(quantity)),
            ["fraction", var fraction] => new FixedFractionSizer(decimal.Parse(fraction, NumberStyles.Number, CultureInfo.InvariantCulture)),
            ["vol-target", var vol] => new VolatilityTargetSizer(double.Parse(vol, CultureInfo.InvariantCulture)),
            ["vol-target", var vol, var leverage] => new VolatilityTargetSizer(
                double.Parse(vol, CultureInfo.InvariantCulture), decimal.Parse(leverage, NumberStyles.Number, CultureInfo.InvariantCulture)),
            _ => null,
        });
}
