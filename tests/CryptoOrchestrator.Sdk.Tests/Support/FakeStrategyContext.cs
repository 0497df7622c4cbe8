using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Sdk.Tests.Support;

/// <summary>
/// The least a strategy needs to run outside the host: parameters from its own metadata (with
/// overrides as "name=value"), real indicators, and a record of what it emits. Orders, models,
/// state and the portfolio are refused, so a strategy that reaches for them fails loudly.
/// </summary>
internal sealed class FakeStrategyContext : IStrategyContext
{
    public FakeStrategyContext(PluginMetadata metadata, params string[] overrides) => Parameters = new FakeParameterSet(metadata, overrides);

    /// <summary>Everything emitted, in order; pre-sized so that recording allocates nothing.</summary>
    public List<Signal> Signals { get; } = new(capacity: 20_000);

    public IClock Clock { get; } = new FixedClock();

    public ILogger Logger => NullLogger.Instance;

    public Random Random { get; } = new(1);

    public IParameterSet Parameters { get; }

    public IndicatorFactory Indicators { get; } = new();

    public IStateStore State => throw new NotSupportedException("This test context keeps no state.");

    public IPortfolioView Portfolio => throw new NotSupportedException("This test context has no portfolio.");

    public void Emit(in Signal signal) => Signals.Add(signal);

    public ClientOrderId Submit(in OrderRequest request) => throw new NotSupportedException("This test context takes no orders.");

    public bool Cancel(ClientOrderId id) => throw new NotSupportedException("This test context takes no orders.");

    public IModel GetModel(string id) => throw new NotSupportedException($"This test context has no model '{id}'.");

    private sealed class FixedClock : IClock
    {
        public long NowMs => 0;
    }
}
