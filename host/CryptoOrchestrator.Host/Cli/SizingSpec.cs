using System.Globalization;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// Parses <c>--sizing</c>: <c>fixed:QTY</c> (a fixed quantity), <c>fraction:F</c> (a share of
/// equity; 1 = all of it in whole lots, fees included) or <c>vol-target:ANNUAL[:MAXLEVERAGE]</c>.
/// </summary>
internal static class SizingSpec
{
    public const string Help = "fixed:QTY | fraction:F | vol-target:ANNUAL_VOL[:MAX_LEVERAGE]";

    public static IPositionSizer Parse(string text)
    {
        var parts = text.Split(':');
        try
        {
            return parts switch
            {
                ["fixed", var quantity] => new FixedQuantitySizer(Quantity.Parse(quantity)),
                ["fraction", var fraction] => new FixedFractionSizer(decimal.Parse(fraction, NumberStyles.Number, CultureInfo.InvariantCulture)),
                ["vol-target", var vol] => new VolatilityTargetSizer(double.Parse(vol, CultureInfo.InvariantCulture)),
                ["vol-target", var vol, var leverage] => new VolatilityTargetSizer(
                    double.Parse(vol, CultureInfo.InvariantCulture), decimal.Parse(leverage, NumberStyles.Number, CultureInfo.InvariantCulture)),
                _ => throw new UsageException($"--sizing '{text}' is not one of: {Help}."),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
        {
            throw new UsageException($"--sizing '{text}': {ex.Message}");
        }
    }
}
