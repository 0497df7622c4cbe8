using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Plugins;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>Something the plugin host did or saw; the vocabulary of its log and of <see cref="PluginHost.Changed"/>.</summary>
public abstract record PluginHostEvent
{
    /// <summary>One line for a log or console.</summary>
    public abstract string Describe();
}

/// <summary>A plugin version went live (at start or by a reload).</summary>
public sealed record PluginActivated(string PluginId, string Version, string ContextName, string Source) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"{PluginId} {Version} active from {Source} ({ContextName})";
}

/// <summary>A plugin, or a new version of one, was not accepted; a running version keeps running.</summary>
public sealed record PluginRejected(string Source, string? PluginId, PluginStatus Status, string Reason) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"{PluginId ?? Source} rejected ({Status}): {Reason}";
}

/// <summary>A running bot's strategy was replaced by a new version at an event boundary.</summary>
public sealed record StrategySwapped(string Bot, string PluginId, string FromContext, string ToContext, SwapMode Mode, TimeSpan Pause) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"bot {Bot}: {PluginId} swapped {FromContext} → {ToContext} by {Mode}, paused {Pause.TotalMilliseconds:0.###} ms";
}

/// <summary>A bot refused a new version (it threw while taking over); the old version keeps running there.</summary>
public sealed record SwapRejected(string Bot, string PluginId, string ContextName, string Reason) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"bot {Bot}: {PluginId} from {ContextName} rejected: {Reason}";
}

/// <summary>A plugin failed in a bot and was quarantined.</summary>
public sealed record PluginQuarantined(string Bot, string PluginId, string Reason) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"bot {Bot}: {PluginId} quarantined: {Reason}";
}

/// <summary>A bot stopped because of a fault.</summary>
public sealed record BotHalted(string Bot, string Reason) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"bot {Bot} halted: {Reason}";
}

/// <summary>An unloaded plugin context was collected: nothing of it is left in memory.</summary>
public sealed record ContextCollected(string ContextName, int GcRounds, TimeSpan Elapsed) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"{ContextName} unloaded and collected after {GcRounds} GC rounds";
}

/// <summary>An unloaded plugin context is still alive: something holds its types or objects.</summary>
public sealed record ContextLeaked(string ContextName, string Report) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"LEAK {ContextName}: {Report}";
}

/// <summary>An operator disabled or enabled a plugin: new bots may not (or may again) start it; running ones keep their instance.</summary>
public sealed record PluginStatusChanged(string PluginId, PluginStatus Status, string Reason) : PluginHostEvent
{
    /// <inheritdoc />
    public override string Describe() => $"{PluginId} {Status}: {Reason}";
}
