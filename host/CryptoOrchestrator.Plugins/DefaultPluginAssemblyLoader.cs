using System.Reflection;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// Loads plugins into the host's own load context. <see cref="Assembly.LoadFrom(string)"/> also resolves
/// a plugin's private dependencies from its folder; the SDK resolves to the host's copy.
/// </summary>
public sealed class DefaultPluginAssemblyLoader : IPluginAssemblyLoader
{
    /// <summary>The shared instance; the loader keeps no state.</summary>
    public static DefaultPluginAssemblyLoader Instance { get; } = new();

    /// <inheritdoc />
    public Assembly Load(string assemblyPath) => Assembly.LoadFrom(Path.GetFullPath(assemblyPath));
}
