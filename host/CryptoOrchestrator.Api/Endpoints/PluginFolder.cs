namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>The folder the node's plugin host loads from, for POST /api/plugins/reload; registered by the host.</summary>
/// <param name="Path">The full path of the plugins folder.</param>
public sealed record PluginFolder(string Path);
