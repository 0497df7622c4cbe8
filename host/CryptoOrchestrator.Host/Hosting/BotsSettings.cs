using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>The <c>Bots</c> section: bots created and started when the host starts, in order.</summary>
internal sealed class BotsSettings
{
    /// <summary>The configuration section (an array of bot definitions).</summary>
    public const string Section = "Bots";

    /// <summary>The key that turns bots off on a node (<c>Bots:Run=false</c>): it serves the API but runs and restores no bots.</summary>
    public const string RunKey = "Run";

    /// <summary>Whether this node runs bots; false for an API node beside the one that does.</summary>
    public bool Run { get; set; } = true;

    /// <summary>The bots, as defined in configuration.</summary>
    public IReadOnlyList<BotDefinition> Definitions { get; set; } = [];
}
