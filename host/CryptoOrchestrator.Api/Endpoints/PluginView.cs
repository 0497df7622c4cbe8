using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Status;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>A plugin as the API shows it: what is loaded (if anything) and its recorded status.</summary>
internal sealed record PluginView(
    string Id, string? Version, PluginKind? Kind, string? Description, bool Loaded, string Status, string? Reason, DateTimeOffset? Since)
{
    public static IReadOnlyList<PluginView> All(IReadOnlyList<PluginDescriptor> active, IReadOnlyList<PluginStatusRecord> records)
    {
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var loaded = active.Select(plugin =>
        {
            byId.TryGetValue(plugin.Id, out var record);
            return new PluginView(plugin.Id, plugin.Version.ToNormalizedString(), plugin.Kind, plugin.Metadata.Description, true,
                record?.Status.ToString() ?? nameof(PluginStatus.Active), record?.Reason, record?.Since);
        });
        var recordedOnly = records.Where(r => !active.Any(plugin => plugin.Id == r.Id))
            .Select(r => new PluginView(r.Id, r.Version, null, null, false, r.Status.ToString(), r.Reason, r.Since));
        return [.. loaded.Concat(recordedOnly).OrderBy(p => p.Id, StringComparer.Ordinal)];
    }
}
