namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>The three things a risk rule can say.</summary>
public enum RiskDecisionKind
{
    /// <summary>Let the order through unchanged.</summary>
    Approve = 1,

    /// <summary>Let it through with a smaller quantity.</summary>
    Resize = 2,

    /// <summary>Stop it.</summary>
    Reject = 3,
}
