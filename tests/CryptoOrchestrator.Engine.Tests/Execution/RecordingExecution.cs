using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Tests.Execution;

/// <summary>An execution algorithm whose start a test writes as a callback; it records what it hears.</summary>
internal sealed class RecordingExecution(Action<OrderSnapshot, IExecutionContext> start, Action<int, IExecutionContext>? onBar = null) : IExecutionAlgorithm
{
    private IExecutionContext _context = null!;
    private int _bar;

    public List<OrderSnapshot> Parents { get; } = [];

    public List<ClientOrderId> Submitted { get; } = [];

    public List<OrderSnapshot> Updates { get; } = [];

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "recording-execution",
        Version = "1.0.0",
        Kind = PluginKind.ExecutionAlgorithm,
        SdkVersionRange = "[0.1.0, 1.0.0)",
    };

    public void Start(in OrderSnapshot parent, IExecutionContext context)
    {
        _context = context;
        Parents.Add(parent);
        start(parent, new SubmissionRecorder(context, Submitted));
    }

    public void OnBar(Instrument instrument, in Bar bar) => onBar?.Invoke(_bar++, new SubmissionRecorder(_context, Submitted));

    public void OnChildUpdate(in OrderSnapshot child) => Updates.Add(child);

    /// <summary>Passes everything through to the real context, noting the ids of the children sent.</summary>
    private sealed class SubmissionRecorder(IExecutionContext inner, List<ClientOrderId> submitted) : IExecutionContext
    {
        public Sdk.Context.IClock Clock => inner.Clock;

        public Microsoft.Extensions.Logging.ILogger Logger => inner.Logger;

        public Random Random => inner.Random;

        public Sdk.Context.IParameterSet Parameters => inner.Parameters;

        public Sdk.Indicators.IndicatorFactory Indicators => inner.Indicators;

        public Sdk.Context.IStateStore State => inner.State;

        public ClientOrderId SubmitChild(in OrderRequest child)
        {
            var id = inner.SubmitChild(child);
            submitted.Add(id);
            return id;
        }

        public bool CancelChild(ClientOrderId id) => inner.CancelChild(id);
    }
}
