using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>The <c>Bots</c> section: bots created and started when the host starts, in order.</summary>
internal sealed class BotsSettings
{
    /// <summary>The configuration section (an array of bot definitions).</summary>
    public const string Section = "Bots";

    /// <summary>The bots, as defined in configuration.</summary>
    public IReadOnlyList<BotDefinition> Definitions { get; set; } = [];
}
