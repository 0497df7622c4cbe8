using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>One order as journaled, with every state change and fill.</summary>
internal sealed record OrderView(OrderRecord Order, IReadOnlyList<OrderTransition> Transitions, IReadOnlyList<FillRecord> Fills);
