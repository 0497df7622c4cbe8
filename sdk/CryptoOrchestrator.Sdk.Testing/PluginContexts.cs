using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// Makes the context the host would hand a plugin: its parameters parsed and range-checked from text against
/// its metadata (as <c>--param</c> is, failing with the plugin and parameter named), a random source seeded from
/// the seed and the plugin id, a logger named after it.
/// </summary>
internal static class PluginContexts
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    public static PluginContext For(
        IPlugin plugin,
        IReadOnlyDictionary<string, string>? parameters,
        int seed,
        IClock clock,
        IStateStore state,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var metadata = plugin.Metadata ?? throw new ArgumentException($"{plugin.GetType().FullName} returns no Metadata.", nameof(plugin));
        return new PluginContext(
            metadata.Id,
            clock,
            loggerFactory ?? NullLoggerFactory.Instance,
            seed,
            new ParameterSet(metadata, parameters ?? NoParameters),
            state);
    }
}
