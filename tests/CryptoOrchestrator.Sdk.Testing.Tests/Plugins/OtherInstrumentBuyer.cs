using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>On every bar of any instrument, buys one unit of <c>other</c> at market.</summary>
internal sealed class OtherInstrumentBuyer(Instrument other) : IStrategy
{
    private IStrategyContext _context = null!;

    public PluginMetadata Metadata { get; } = TestMetadata.For("other-buyer", PluginKind.Strategy);

    public void Initialize(IStrategyContext context) => _context = context;

    public void OnBar(Instrument instrument, in Bar bar) =>
        _context.Submit(OrderRequest.Market(other, OrderSide.Buy, Quantity.FromDecimal(1m)));
}
