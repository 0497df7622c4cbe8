namespace CryptoOrchestrator.Plugins.Watching;

/// <summary>Something changed in one plugin source of the watched directory, and has since settled.</summary>
/// <param name="SourcePath">Full path of the top-level folder or <c>.nupkg</c> file.</param>
/// <param name="Kind">What it is now or, when <paramref name="Removed"/>, what it was.</param>
/// <param name="Removed">True when it is gone (or no longer holds a plugin): the host should unload it.</param>
public sealed record PluginChange(string SourcePath, PluginSourceKind Kind, bool Removed);
