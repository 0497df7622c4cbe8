using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Plugins.Watching;
using CryptoOrchestrator.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>/api/plugins: list with status; enable, disable (kept in the plugin status file) and reload.</summary>
internal static class PluginEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var plugins = api.MapGroup("/plugins").WithTags("Plugins");
        plugins.MapGet("/", (PluginHost host) => TypedResults.Ok(PluginView.All(host.ActivePlugins, host.Status.All))).RequireAuthorization(ApiPolicies.Viewer);
        plugins.MapPost("/{id}/enable", (string id, PluginHost host) => Toggle(id, host, enable: true, reason: null))
            .RequireAuthorization(ApiPolicies.Operator).Audited("plugin.enable");
        plugins.MapPost("/{id}/disable", (string id, PluginToggle? body, PluginHost host, HttpContext context) =>
        {
            Auditor.Describe(context, id, new { body?.Reason });
            return Toggle(id, host, enable: false, reason: body?.Reason);
        }).RequireAuthorization(ApiPolicies.Operator).Audited("plugin.disable");
        plugins.MapPost("/reload", Reload).RequireAuthorization(ApiPolicies.Operator).Audited("plugin.reload");
    }

    private static Results<Ok<PluginView>, ProblemHttpResult> Toggle(string id, PluginHost host, bool enable, string? reason)
    {
        if (!host.ActivePlugins.Any(p => p.Id == id) && host.Status.Find(id) is null)
        {
            return Problems.NotFound($"There is no plugin '{id}'.");
        }

        // Through the host, so the bots that use the plugin stream the change.
        if (enable)
        {
            host.Enable(id);
        }
        else
        {
            host.Disable(id, string.IsNullOrWhiteSpace(reason) ? "disabled by the operator" : reason);
        }

        return TypedResults.Ok(PluginView.All(host.ActivePlugins, host.Status.All).Single(p => p.Id == id));
    }

    private static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> Reload(PluginHost host, HttpContext context)
    {
        var folder = context.RequestServices.GetService<PluginFolder>();
        if (folder is null || !Directory.Exists(folder.Path))
        {
            return Problems.Conflict("This node has no plugins folder to reload from.");
        }

        var happened = new List<string>();
        foreach (var (path, _) in PluginSourceLocator.Enumerate(folder.Path))
        {
            foreach (var change in await host.ReloadAsync(path).ConfigureAwait(false))
            {
                happened.Add(change.Describe());
            }
        }

        Auditor.Describe(context, "plugins", new { Changes = happened.Count });
        return TypedResults.Ok<IReadOnlyList<string>>(happened);
    }
}
