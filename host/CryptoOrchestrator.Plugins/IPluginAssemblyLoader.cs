using System.Reflection;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// Loads a plugin's main assembly. The one seam between discovery and how assemblies are
/// loaded, so isolation (one load context per plugin) changes nothing else.
/// </summary>
public interface IPluginAssemblyLoader
{
    /// <summary>Loads the assembly at <paramref name="assemblyPath"/>; throws when the file is not a loadable assembly.</summary>
    Assembly Load(string assemblyPath);
}
