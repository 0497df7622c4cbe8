using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Plugins.Source;

namespace CryptoOrchestrator.Runtime.Hosting;

/// <summary>Loads any plugin source — build folder, package or source folder — into a context of its own.</summary>
internal sealed class SourceLoader(PluginLoader loader, SourcePluginCompiler compiler)
{
    /// <summary>
    /// The loaded generation, or null with <paramref name="failure"/> saying why nothing could be
    /// loaded at all (a compile error, say). Problems of single plugin types are in the generation.
    /// </summary>
    public LoadedPlugin? Load(string path, PluginSourceKind kind, out string? failure)
    {
        failure = null;
        switch (kind)
        {
            case PluginSourceKind.Folder:
                return loader.LoadFolder(path);
            case PluginSourceKind.Package:
                return loader.LoadPackage(path);
            case PluginSourceKind.Source:
                try
                {
                    var compiled = compiler.Compile(path);
                    return loader.LoadImage(Path.GetFileName(path), path, compiled.Image, compiled.Symbols);
                }
                catch (SourceCompilationException e)
                {
                    failure = e.Message;
                    return null;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
