using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

/// <summary>A strategy whose behaviour each test writes as a callback on (bar number, bar, context).</summary>
internal sealed class ScriptedStrategy(string id, Action<int, Bar, IStrategyContext> onBar) : IStrategy
{
    private IStrategyContext _context = null!;
    private int _bar;

    public List<Fill> Fills { get; } = [];

    public List<OrderSnapshot> Updates { get; } = [];

    public PluginMetadata Metadata { get; } = new()
    {
        Id = id,
        Version = "1.0.0",
        Kind = PluginKind.Strategy,
        SdkVersionRange = "[0.1.0, 1.0.0)",
    };

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar) => onBar(_bar++, bar, _context);

    public void OnFill(in Fill fill) => Fills.Add(fill);

    public void OnOrderUpdate(in OrderSnapshot order) => Updates.Add(order);
}
