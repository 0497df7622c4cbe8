using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Risk;

/// <summary>
/// Runs every order past the risk rules in order: the first rejection wins, and a resize hands
/// the next rule the smaller order. A rule that "resizes" upwards is a plugin bug and is reported as one.
/// </summary>
internal sealed class RiskGate(IReadOnlyList<IRiskRule> rules, IPortfolioView portfolio)
{
    private readonly IRiskRule[] _rules = [.. rules];

    /// <summary>True when the order may go on, possibly resized; otherwise the rejecting rule's reason code.</summary>
    public bool TryPass(ref OrderRequest request, out string? rejectReason)
    {
        foreach (var rule in _rules)
        {
            var decision = rule.Evaluate(request, portfolio);
            switch (decision.Kind)
            {
                case RiskDecisionKind.Approve:
                    continue;
                case RiskDecisionKind.Reject:
                    rejectReason = decision.ReasonCode;
                    return false;
                case RiskDecisionKind.Resize when decision.Quantity <= request.Quantity:
                    request = request with { Quantity = decision.Quantity };
                    continue;
                case RiskDecisionKind.Resize:
                    throw new InvalidOperationException(
                        $"Risk rule '{rule.Metadata.Id}' resized an order up from {request.Quantity} to {decision.Quantity}; a rule may only shrink orders.");
                default:
                    throw new InvalidOperationException($"Risk rule '{rule.Metadata.Id}' returned an unknown decision {decision.Kind}.");
            }
        }

        rejectReason = null;
        return true;
    }
}
