namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>Keys of the diagnostic properties the analyzers hand to the code fixes.</summary>
internal static class FixProperties
{
    /// <summary>The member path on the plugin context that replaces the flagged expression, e.g. <c>Clock.UtcNow</c>.</summary>
    public const string ContextReplacement = "ContextReplacement";
}
