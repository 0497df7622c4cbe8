using System.Text.Json;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Persistence;
using Microsoft.AspNetCore.Http;

namespace CryptoOrchestrator.Api.Audit;

/// <summary>
/// Writes operator actions to the store's audit log. Handlers name the target and add details through
/// <see cref="Describe"/>; callers must never put a secret, password or key there (the API's tests scan for it).
/// </summary>
public sealed class Auditor(IStore store, TimeProvider time)
{
    private const string TargetItem = "co:audit-target";
    private const string DetailsItem = "co:audit-details";

    /// <summary>Sets what the audit entry of this request is about and anything worth keeping (never a secret).</summary>
    public static void Describe(HttpContext context, string target, object? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[TargetItem] = target;
        if (details is not null)
        {
            context.Items[DetailsItem] = details;
        }
    }

    /// <summary>Appends one entry for <paramref name="caller"/>.</summary>
    public Task<AuditEntry> RecordAsync(Caller caller, string action, string target, object? details, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.Audit.AppendAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), caller.Actor, action, target,
            JsonSerializer.Serialize(details ?? new { }, ApiJson.Options), cancellation);
    }

    internal async Task RecordRequestAsync(HttpContext context, string action, int status)
    {
        if (Caller.Of(context.User) is not { } caller)
        {
            return;
        }

        var target = context.Items[TargetItem] as string ?? TargetOf(context);
        var details = new Dictionary<string, object?> { ["status"] = status };
        if (context.Items[DetailsItem] is { } more)
        {
            details["details"] = more;
        }

        // The entry is kept even when the caller hangs up: the action may already have happened.
        await RecordAsync(caller, action, target, details, CancellationToken.None).ConfigureAwait(false);
    }

    private static string TargetOf(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var id = values.TryGetValue("id", out var value) ? value?.ToString() : null;
        return values.TryGetValue("clientOrderId", out var order) ? $"{id}/co-{order}" : id ?? context.Request.Path.Value ?? "";
    }
}
