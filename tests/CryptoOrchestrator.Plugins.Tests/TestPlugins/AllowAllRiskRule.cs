using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

/// <summary>A valid plugin that is not a strategy.</summary>
public sealed class AllowAllRiskRule : IRiskRule
{
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "test-allow-all",
        Version = "0.3.0-beta.1",
        Kind = PluginKind.RiskRule,
        SdkVersionRange = "0.1.0",
    };

    public void Initialize(IPluginContext context)
    {
    }

    public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio) => RiskDecision.Approve();
}
