using System.Globalization;

namespace CryptoOrchestrator.Host.Output;

/// <summary>
/// Writes exact amounts without the trailing zeros that 16-digit decimal arithmetic leaves
/// (10000.0000000000000000 → 10000), never in scientific notation and never rounded.
/// </summary>
internal static class MoneyText
{
    // 28 optional digits: as many as a decimal can carry, so nothing is ever rounded away.
    private const string Format = "0.############################";

    public static string Of(decimal value) => value.ToString(Format, CultureInfo.InvariantCulture);
}
