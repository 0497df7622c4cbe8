using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// A risk rule's verdict: a closed set built only by <see cref="Approve"/>, <see cref="Resize"/>
/// and <see cref="Reject"/>. Resizes and rejections carry a machine-readable reason code
/// (e.g. <c>max-position</c>); a rejection's code becomes the order's rejection reason.
/// </summary>
public readonly struct RiskDecision
{
    private RiskDecision(RiskDecisionKind kind, Quantity quantity, string? reasonCode)
    {
        Kind = kind;
        Quantity = quantity;
        ReasonCode = reasonCode;
    }

    /// <summary>Approve, resize or reject.</summary>
    public RiskDecisionKind Kind { get; }

    /// <summary>The quantity to send when <see cref="Kind"/> is <see cref="RiskDecisionKind.Resize"/>.</summary>
    public Quantity Quantity { get; }

    /// <summary>Why the order was resized or rejected; null for an approval.</summary>
    public string? ReasonCode { get; }

    /// <summary>Let the order through unchanged.</summary>
    public static RiskDecision Approve() => new(RiskDecisionKind.Approve, Quantity.Zero, null);

    /// <summary>Let the order through with <paramref name="quantity"/>, which must be positive.</summary>
    public static RiskDecision Resize(Quantity quantity, string reasonCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        if (quantity.Units <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A resize must leave a positive quantity; reject instead.");
        }

        return new(RiskDecisionKind.Resize, quantity, reasonCode);
    }

    /// <summary>Stop the order, saying why.</summary>
    public static RiskDecision Reject(string reasonCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        return new(RiskDecisionKind.Reject, Quantity.Zero, reasonCode);
    }
}
