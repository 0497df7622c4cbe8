using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CryptoOrchestrator.Api.Audit;

/// <summary>Marks an endpoint as a state-changing action for the audit log.</summary>
internal static class AuditedExtensions
{
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder endpoint, string action) =>
        endpoint.AddEndpointFilter(new AuditedFilter(action));
}
