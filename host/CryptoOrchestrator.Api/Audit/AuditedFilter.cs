using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoOrchestrator.Api.Audit;

/// <summary>
/// Records a state-changing endpoint's every call by an authenticated caller in the audit log, whether it
/// succeeded or was refused, with the status it ended with.
/// </summary>
internal sealed class AuditedFilter(string action) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var auditor = context.HttpContext.RequestServices.GetRequiredService<Auditor>();
        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await auditor.RecordRequestAsync(context.HttpContext, action, StatusOf(e)).ConfigureAwait(false);
            throw;
        }

        await auditor.RecordRequestAsync(context.HttpContext, action, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK).ConfigureAwait(false);
        return result;
    }

    // What the exception handler will answer, for the entry; the handler itself runs later.
    private static int StatusOf(Exception e) => e switch
    {
        BadHttpRequestException or Runtime.Bots.BotDefinitionException => StatusCodes.Status400BadRequest,
        Runtime.Bots.BotNotFoundException or Persistence.RecordNotFoundException => StatusCodes.Status404NotFound,
        Runtime.Bots.BotStateException or Persistence.DuplicateRecordException => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };
}
