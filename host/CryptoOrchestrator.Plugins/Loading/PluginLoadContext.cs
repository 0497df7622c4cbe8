using System.Reflection;
using System.Runtime.Loader;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// A collectible load context holding one generation of one plugin package. Shares, by simple name and
/// from the default context, the SDK with its non-framework dependency closure and every framework
/// assembly; resolves everything else privately: managed dependencies through the plugin's
/// <c>.deps.json</c> (<see cref="AssemblyDependencyResolver"/>), native libraries through it or the
/// package's <c>runtimes/&lt;rid&gt;/native</c> folder. A dependency neither bundled nor shared fails to
/// load (it never falls back to the host's private copy). Loads from a shadow copy or from memory, so
/// the original files stay replaceable.
/// </summary>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver? _resolver;
    private readonly IReadOnlyList<string> _nativeDirectories;

    internal PluginLoadContext(string name, string? mainAssemblyPath, IReadOnlyList<string> nativeDirectories)
        : base(name, isCollectible: true)
    {
        MainAssemblyPath = mainAssemblyPath;
        _nativeDirectories = nativeDirectories;
        _resolver = mainAssemblyPath is null ? null : new AssemblyDependencyResolver(mainAssemblyPath);
    }

    /// <summary>The main assembly inside the shadow copy; null for an image loaded from memory.</summary>
    public string? MainAssemblyPath { get; }

    /// <summary>Whether plugins get the host's copy of the assembly named <paramref name="simpleName"/> rather than their own.</summary>
    public static bool IsShared(string simpleName)
    {
        ArgumentNullException.ThrowIfNull(simpleName);
        return SharedAssemblies.Contains(simpleName);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        if (SharedAssemblies.Contains(assemblyName.Name))
        {
            return null;
        }

        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        return path is not null
            ? LoadFromAssemblyPath(path)
            : throw new FileNotFoundException($"'{assemblyName.FullName}' is neither bundled with the plugin in context '{Name}' nor shared by the host.", assemblyName.Name);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName) ?? FindInNativeDirectories(unmanagedDllName);
        // Zero lets the runtime probe as usual: system libraries (libc, libm) are found that way.
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private string? FindInNativeDirectories(string name)
    {
        foreach (var directory in _nativeDirectories)
        {
            foreach (var candidate in NativeFileNames(name))
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    // The spellings DllImport probes: the name as given, with the platform's suffix, and with the "lib" prefix.
    private static IEnumerable<string> NativeFileNames(string name)
    {
        var suffix = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        yield return name;
        yield return name + suffix;
        if (!OperatingSystem.IsWindows())
        {
            yield return "lib" + name + suffix;
            yield return "lib" + name;
        }
    }
}
