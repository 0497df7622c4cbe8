namespace CryptoOrchestrator.Sdk.Analyzers.Tests.Support;

/// <summary>Minimal plugins to drop code into, so each test shows only the lines it is about.</summary>
public static class Snippets
{
    /// <summary>A strategy keeping its context in <c>_context</c>, with <paramref name="onBar"/> as the body of OnBar.</summary>
    public static string Strategy(string onBar, string members = "") => $$"""
        public sealed class TestStrategy : IStrategy
        {
            private IStrategyContext _context = null!;

            public PluginMetadata Metadata => null!;

            public void Initialize(IStrategyContext context) => _context = context;

            public void OnBar(Instrument instrument, in Bar bar)
            {
                {{onBar}}
            }

            {{members}}
        }
        """;

    /// <summary>A risk rule keeping its context in <c>_context</c>, with <paramref name="evaluate"/> before it approves.</summary>
    public static string RiskRule(string evaluate) => $$"""
        public sealed class TestRiskRule : IRiskRule
        {
            private IPluginContext _context = null!;

            public PluginMetadata Metadata => null!;

            public void Initialize(IPluginContext context) => _context = context;

            public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio)
            {
                {{evaluate}}
                return RiskDecision.Approve();
            }
        }
        """;
}
