namespace CryptoOrchestrator.Plugins;

/// <summary>Raised inside discovery when one plugin type fails a check; discovery turns it into a <see cref="PluginLoadProblem"/>.</summary>
internal sealed class PluginRejectedException(PluginProblemKind kind, string reason) : Exception(reason)
{
    public PluginProblemKind Kind { get; } = kind;
}
