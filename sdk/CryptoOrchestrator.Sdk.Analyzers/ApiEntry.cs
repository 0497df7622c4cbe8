namespace CryptoOrchestrator.Sdk.Analyzers;

/// <summary>What a rule says about one flagged API, and what the code fix may put in its place.</summary>
internal sealed class ApiEntry
{
    private ApiEntry(string reason, string? contextReplacement, string? display)
    {
        Reason = reason;
        ContextReplacement = contextReplacement;
        Display = display;
    }

    /// <summary>Why this API is flagged, for rules whose message explains it per API; empty otherwise.</summary>
    public string Reason { get; }

    /// <summary>The member path on the plugin context that replaces the use (e.g. <c>Clock.UtcNow</c>); null when there is no obvious fix.</summary>
    public string? ContextReplacement { get; }

    /// <summary>How to name the API in the message when its symbol would read poorly; null to derive it from the code.</summary>
    public string? Display { get; }

    public static ApiEntry Flagged(string reason = "") => new(reason, null, null);

    public static ApiEntry ReplacedBy(string contextReplacement, string reason = "") => new(reason, contextReplacement, null);

    public static ApiEntry Named(string display) => new("", null, display);
}
