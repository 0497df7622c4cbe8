using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Backtests;

/// <summary>/api/backtests: submit (202 and an id), progress, result.</summary>
internal static class BacktestEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var backtests = api.MapGroup("/backtests").WithTags("Backtests");
        backtests.MapPost("/", Results<Accepted<BacktestStatus>, ValidationProblem> (BacktestRequest request, BacktestRunner runner, HttpContext context) =>
        {
            var (job, errors) = runner.Submit(request);
            if (job is null)
            {
                return Problems.Invalid(errors);
            }

            Auditor.Describe(context, job.Id, new { request.PluginId, request.Symbol, request.File, Synthetic = request.Synthetic is not null });
            return TypedResults.Accepted($"/api/backtests/{job.Id}", BacktestStatus.Of(job));
        }).RequireAuthorization(ApiPolicies.Trader).Audited("backtest.submit");
        backtests.MapGet("/{id}", Results<Ok<BacktestStatus>, ProblemHttpResult> (string id, BacktestRunner runner) =>
            runner.Find(id) is { } job ? TypedResults.Ok(BacktestStatus.Of(job)) : Problems.NotFound($"There is no backtest '{id}'."))
            .RequireAuthorization(ApiPolicies.Viewer);
        backtests.MapGet("/{id}/result", Results<Ok<BacktestOutcome>, ProblemHttpResult> (string id, BacktestRunner runner) => runner.Find(id) switch
        {
            null => Problems.NotFound($"There is no backtest '{id}'."),
            { State: BacktestState.Completed } job => TypedResults.Ok(BacktestOutcome.Of(job)),
            var job => Problems.Conflict($"Backtest '{id}' is {job.State}{(job.Error is null ? "" : $": {job.Error}")}; it has no result."),
        }).RequireAuthorization(ApiPolicies.Viewer);
    }
}
