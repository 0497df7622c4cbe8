using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// Checks every order before it reaches the order manager, whether a strategy placed it
/// directly or it came from sized signals. Rules run in order; the first rejection wins and
/// a resize feeds the next rule the smaller order.
/// </summary>
public interface IRiskRule : IPlugin
{
    /// <summary>Called once before use.</summary>
    void Initialize(IPluginContext context);

    /// <summary>The verdict on <paramref name="order"/> given the account as it stands.</summary>
    RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio);
}
