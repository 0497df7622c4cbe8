using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// A risk rule alone, initialised as the host would (parameters parsed and range-checked from text), evaluated
/// against a portfolio the test sets up. Exceptions the rule throws reach the test unchanged.
/// </summary>
public sealed class RiskRuleHarness
{
    /// <summary>Initialises <paramref name="rule"/> with <paramref name="parameters"/> (declared defaults for the rest).</summary>
    /// <exception cref="PluginConfigurationException">A parameter is unknown, of the wrong type or out of range.</exception>
    public RiskRuleHarness(IRiskRule rule, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Initialize(PluginContexts.For(rule, parameters, seed: 1, new SimulatedClock(), new InMemoryStateStore()));
        Rule = rule;
    }

    /// <summary>The rule, initialised.</summary>
    public IRiskRule Rule { get; }

    /// <summary>The account the rule sees: set its cash, positions and marks before evaluating.</summary>
    public TestPortfolio Portfolio { get; } = new();

    /// <summary>The rule's verdict on <paramref name="order"/> given <see cref="Portfolio"/>.</summary>
    /// <exception cref="ArgumentException">The order is malformed: the engine rejects such orders before any rule sees them.</exception>
    public RiskDecision Evaluate(in OrderRequest order)
    {
        if (order.Malformation() is { } problem)
        {
            throw new ArgumentException($"The order is malformed ({problem}); the engine rejects it before any risk rule sees it.", nameof(order));
        }

        return Rule.Evaluate(order, Portfolio);
    }
}
