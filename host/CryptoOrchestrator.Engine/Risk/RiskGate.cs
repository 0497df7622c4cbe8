using CryptoOrchestrator.Engine.Pipeline;
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
            var decision = Evaluate(rule, request);
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
                    throw new PluginFaultException(rule.Metadata.Id, nameof(IRiskRule.Evaluate), new InvalidOperationException(
                        $"Risk rule '{rule.Metadata.Id}' resized an order up from {request.Quantity} to {decision.Quantity}; a rule may only shrink orders."));
                default:
                    throw new PluginFaultException(rule.Metadata.Id, nameof(IRiskRule.Evaluate), new InvalidOperationException(
                        $"Risk rule '{rule.Metadata.Id}' returned an unknown decision {decision.Kind}."));
            }
        }

        rejectReason = null;
        return true;
    }

    /// <summary>
    /// A rule that throws is named as the culprit. Orders are often placed from inside a strategy's
    /// callback, and a fault left unnamed there would be taken for the strategy's (and, with
    /// FaultPolicy.ContinueWithout, quarantine it) where a broken risk rule must halt the run.
    /// </summary>
    private RiskDecision Evaluate(IRiskRule rule, in OrderRequest request)
    {
        try
        {
            return rule.Evaluate(request, portfolio);
        }
        catch (Exception ex)
        {
            throw new PluginFaultException(rule.Metadata.Id, nameof(IRiskRule.Evaluate), ex);
        }
    }
}
