using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// The simple names every plugin context takes from the host's default context: each assembly of the
/// shared frameworks, the SDK, and the closure of the SDK's own non-framework dependencies
/// (Microsoft.Extensions.Logging.Abstractions, ...). One copy of these means one identity for the
/// contract types: a plugin's strategy <em>is</em> the host's <see cref="IStrategy"/>.
/// Everything else a plugin uses is its own.
/// </summary>
internal static class SharedAssemblies
{
    private static readonly Lazy<FrozenSet<string>> Names = new(Compute);

    public static bool Contains(string? simpleName) => simpleName is not null && Names.Value.Contains(simpleName);

    private static FrozenSet<string> Compute()
    {
        var names = new HashSet<string>(FrameworkAssemblyNames(), StringComparer.OrdinalIgnoreCase);
        AddClosure(typeof(IPlugin).Assembly, names);
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    // A framework-dependent host: every trusted assembly under the shared-framework root (.../dotnet/shared/),
    // which holds Microsoft.NETCore.App and any other framework the host runs on. The host's own
    // package dependencies are trusted too but live beside the host, so they stay private to it.
    private static IEnumerable<string> FrameworkAssemblyNames()
    {
        var runtimeDirectory = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        var sharedRoot = Path.GetDirectoryName(Path.GetDirectoryName(runtimeDirectory)) ?? runtimeDirectory;
        var prefix = sharedRoot + Path.DirectorySeparatorChar;
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.StartsWith(prefix, StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>();
    }

    private static void AddClosure(Assembly root, HashSet<string> names)
    {
        names.Add(root.GetName().Name!);
        var pending = new Queue<Assembly>([root]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is null || names.Contains(reference.Name))
                {
                    continue;
                }

                try
                {
                    pending.Enqueue(AssemblyLoadContext.Default.LoadFromAssemblyName(reference));
                    names.Add(reference.Name);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // A dependency the host never needs at run time (a reference kept for attributes, say) is not shared.
                }
            }
        }
    }
}
