namespace CryptoOrchestrator.Host.Cli;

/// <summary>Parses <c>--sizing</c> in the bots' sizing syntax (<see cref="Runtime.Bots.SizingSpec"/>).</summary>
internal static class SizingSpec
{
    public const string Help = Runtime.Bots.SizingSpec.Help;

    public static Sdk.Plugins.IPositionSizer Parse(string text) =>
        UsageException.Naming("--sizing", () => Runtime.Bots.SizingSpec.Parse(text));
}
