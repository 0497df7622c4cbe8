namespace CryptoOrchestrator.Host.Cli;

/// <summary>Parses <c>--slippage</c> in the paper exchange's syntax (<see cref="Runtime.Bots.SlippageSpec"/>).</summary>
internal static class SlippageSpec
{
    public const string Help = Runtime.Bots.SlippageSpec.Help;

    public static Engine.Exchange.ISlippageModel Parse(string text) =>
        UsageException.Naming("--slippage", () => Runtime.Bots.SlippageSpec.Parse(text));
}
