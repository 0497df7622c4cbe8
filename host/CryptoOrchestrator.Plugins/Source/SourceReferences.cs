using System.Reflection;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Source;

/// <summary>
/// The assemblies a source plugin compiles against: the base framework the host runs on, plus the
/// SDK and its non-framework dependencies — exactly what a plugin's load context shares with the host.
/// Nothing private to the host application (Roslyn, test frameworks, the host's own assemblies).
/// </summary>
internal static class SourceReferences
{
    /// <summary>Full paths, framework first then the SDK closure, each once.</summary>
    public static List<string> Resolve()
    {
        var runtimeDirectory = RuntimeDirectory();
        var paths = FrameworkAssemblies(runtimeDirectory);
        if (paths.Count == 0)
        {
            throw new InvalidOperationException(
                $"No framework assembly of '{runtimeDirectory}' is among the host's trusted platform assemblies; source plugins cannot be compiled in this host.");
        }

        paths.AddRange(SdkClosure(runtimeDirectory));
        return paths;
    }

    // The shared framework's folder (Microsoft.NETCore.App/<version>): where System.Private.CoreLib lives.
    private static string RuntimeDirectory() =>
        Path.GetDirectoryName(typeof(object).Assembly.Location)
        ?? throw new InvalidOperationException("The host runs without a framework folder on disk (single-file); source plugins cannot be compiled.");

    private static List<string> FrameworkAssemblies(string runtimeDirectory)
    {
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return [.. trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => IsInFramework(path, runtimeDirectory) && IsFrameworkName(Path.GetFileNameWithoutExtension(path)))
            .Distinct(StringComparer.Ordinal)  // the host lists System.Private.CoreLib twice
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsFrameworkName(string name) =>
        name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name is "System" or "netstandard" or "mscorlib";

    private static bool IsInFramework(string path, string runtimeDirectory) =>
        string.Equals(Path.GetDirectoryName(path), runtimeDirectory, StringComparison.Ordinal);

    // Walks references from the SDK, as loaded by the host, and keeps every assembly outside the framework.
    private static List<string> SdkClosure(string runtimeDirectory)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<Assembly>([typeof(IPlugin).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name ?? "") || IsInFramework(assembly.Location, runtimeDirectory))
            {
                continue;
            }

            found.Add(assembly.Location);
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Contains(reference.Name ?? ""))
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return found;
    }
}
