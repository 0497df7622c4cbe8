namespace CryptoOrchestrator.Plugins.Status;

/// <summary>Where one plugin id stands with the host, why, and since when; one entry of the status file.</summary>
/// <param name="Id">The plugin's id.</param>
/// <param name="Status">Its status.</param>
/// <param name="Reason">Why, for the operator (who disabled it and why, what it threw, which SDK it wants).</param>
/// <param name="Version">The plugin version the status was recorded for, when known.</param>
/// <param name="Source">The folder, package or source folder it came from, when known.</param>
/// <param name="Since">When the status was set.</param>
public sealed record PluginStatusRecord(string Id, PluginStatus Status, string Reason, string? Version, string? Source, DateTimeOffset Since);
