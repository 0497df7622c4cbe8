using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Indicators;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>One parent's view of the desk: every child sent or cancelled through it belongs to that parent.</summary>
internal sealed class ParentOrderContext(PluginContext plugin, ExecutionDesk desk, WorkingParent parent) : IExecutionContext
{
    public IClock Clock => plugin.Clock;

    public ILogger Logger => plugin.Logger;

    public Random Random => plugin.Random;

    public IParameterSet Parameters => plugin.Parameters;

    public IndicatorFactory Indicators => plugin.Indicators;

    public IStateStore State => plugin.State;

    public ClientOrderId SubmitChild(in OrderRequest child) => desk.SubmitChild(parent, child);

    public bool CancelChild(ClientOrderId id) => desk.CancelChild(parent, id);
}
