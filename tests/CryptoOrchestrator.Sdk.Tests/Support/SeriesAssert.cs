using System.Globalization;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>
/// Compares an indicator's outputs with reference values row by row. The tolerance is 1e-9
/// absolute for values up to 1 in magnitude and 1e-9 relative above: |actual - expected| ≤ 1e-9 × max(1, |expected|).
/// </summary>
internal static class SeriesAssert
{
    public const double Tolerance = 1e-9;

    public static bool Close(double expected, double actual) =>
        Math.Abs(actual - expected) <= Tolerance * Math.Max(1.0, Math.Abs(expected));

    /// <summary>Asserts the output agrees at every row and returns the largest scaled deviation seen.</summary>
    public static double Matches(double[] expected, double[] actual, string output)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var row = 0; row < expected.Length; row++)
        {
            if (double.IsNaN(expected[row]))
            {
                Assert.True(double.IsNaN(actual[row]), $"{output}: row {row} should still be warming up (NaN) but is {actual[row].ToString("R", CultureInfo.InvariantCulture)}.");
                continue;
            }

            Assert.True(
                Close(expected[row], actual[row]),
                $"{output}: row {row} expected {expected[row].ToString("R", CultureInfo.InvariantCulture)}, got {actual[row].ToString("R", CultureInfo.InvariantCulture)}.");
            worst = Math.Max(worst, Math.Abs(actual[row] - expected[row]) / Math.Max(1.0, Math.Abs(expected[row])));
        }

        return worst;
    }

    /// <summary>Asserts IsReady turns true exactly at the first row where the reference has a value and stays true.</summary>
    public static void ReadyExactlyWhenReferenceIs(double[] expected, bool[] ready, string output)
    {
        for (var row = 0; row < expected.Length; row++)
        {
            Assert.True(ready[row] == !double.IsNaN(expected[row]), $"{output}: IsReady is {ready[row]} at row {row}.");
        }
    }
}
