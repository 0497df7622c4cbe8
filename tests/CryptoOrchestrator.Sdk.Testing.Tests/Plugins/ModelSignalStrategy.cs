using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>Asks the "linear" model about each bar's open and close; goes long on the first positive answer.</summary>
internal sealed class ModelSignalStrategy : IStrategy
{
    private IStrategyContext _context = null!;
    private IModel _model = null!;
    private bool _long;

    public PluginMetadata Metadata { get; } = TestMetadata.For("model-signal", PluginKind.Strategy);

    public void Initialize(IStrategyContext context)
    {
        _context = context;
        _model = context.GetModel("linear");
    }

    public void OnBar(Instrument instrument, in Bar bar)
    {
        if (!_long && _model.Predict([bar.Open.ToDouble(), bar.Close.ToDouble()]) > 0)
        {
            _long = true;
            _context.Emit(new Signal(instrument, SignalDirection.Long));
        }
    }
}
