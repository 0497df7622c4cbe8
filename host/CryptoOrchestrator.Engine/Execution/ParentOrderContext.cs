using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>One parent's view of the desk: every child sent or cancelled through it belongs to that parent.</summary>
internal sealed class ParentOrderContext(PluginContext plugin, ExecutionDesk desk, WorkingParent parent)
    : DelegatingPluginContext(plugin), IExecutionContext
{
    public ClientOrderId SubmitChild(in OrderRequest child) => desk.SubmitChild(parent, child);

    public bool CancelChild(ClientOrderId id) => desk.CancelChild(parent, id);
}
