namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>What one load is of: its name, origin and generation.</summary>
internal readonly record struct LoadTarget(string Name, string SourcePath, PluginSourceKind Kind, int Generation)
{
    public string ContextName => $"{Name}#{Generation}";
}
