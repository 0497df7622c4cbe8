using System.Reflection;

namespace CryptoOrchestrator.Templates.Tests;

/// <summary>What the build of this test project recorded: where the repository is, and in which configuration it was built.</summary>
internal static class BuildInfo
{
    public static string RepoRoot => Get("RepoRoot");

    public static string Configuration => Get("Configuration");

    public static string PackageVersion => Get("PackageVersion");

    public static string TargetFramework => Get("TargetFramework");

    public static string InRepo(params string[] parts) => Path.GetFullPath(Path.Combine([RepoRoot, .. parts]));

    private static string Get(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly carries no '{key}' metadata; see the test project file.");
}
