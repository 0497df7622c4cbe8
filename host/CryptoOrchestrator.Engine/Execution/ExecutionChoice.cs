using System.Globalization;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>
/// Names how sized orders are executed: <c>direct</c> (straight to the order router, no algorithm),
/// <c>market</c> (<see cref="MarketExecution"/>) or <c>twap:SLICES</c> (<see cref="TwapExecution"/>).
/// </summary>
public static class ExecutionChoice
{
    /// <summary>The accepted forms, for help texts and error messages.</summary>
    public const string Help = "direct | market | twap:SLICES";

    /// <summary>
    /// The algorithm factory <paramref name="text"/> names, or null for <c>direct</c>;
    /// <see cref="FormatException"/> naming the text otherwise.
    /// </summary>
    public static Func<IExecutionAlgorithm>? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(':') switch
        {
            ["direct"] => null,
            ["market"] => static () => new MarketExecution(),
            ["twap", var slices] when int.TryParse(slices, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1 =>
                () => new TwapExecution(count),
            _ => throw new FormatException($"Execution '{text}' is not one of: {Help} (SLICES a whole number of at least 1)."),
        };
    }
}
