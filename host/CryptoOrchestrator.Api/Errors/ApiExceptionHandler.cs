using System.Text.Json;
using System.Text.RegularExpressions;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CryptoOrchestrator.Api.Errors;

/// <summary>
/// Turns the exceptions that describe a bad request into problem details: a refused bot definition or an
/// unreadable body or query value is 400 with <c>errors</c> keyed by field; an unknown bot or record 404;
/// a step the state forbids or a taken name 409. Anything else is left to the default 500 (without details).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception })
            .ConfigureAwait(false);
    }

    private static ProblemDetails? Describe(Exception exception) => exception switch
    {
        BotDefinitionException refused => Validation(refused.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
        BadHttpRequestException bad => Validation(new Dictionary<string, string[]> { [FieldOf(bad)] = [ReasonOf(bad)] }),
        BotNotFoundException missing => Plain(StatusCodes.Status404NotFound, "Not found.", missing.Message),
        RecordNotFoundException missing => Plain(StatusCodes.Status404NotFound, "Not found.", missing.Message),
        BotStateException state => Plain(StatusCodes.Status409Conflict, "The request conflicts with the current state.", state.Message),
        BotsNotRunHereException elsewhere => Plain(StatusCodes.Status409Conflict, "The request conflicts with the current state.", elsewhere.Message),
        DuplicateRecordException taken => Validation(new Dictionary<string, string[]> { [Camel(taken.Field)] = [taken.Message] }, StatusCodes.Status409Conflict),
        _ => null,
    };

    private static ValidationProblemDetails Validation(IDictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest) =>
        new(errors)
        {
            Status = status,
            Title = status == StatusCodes.Status400BadRequest ? "The request is invalid." : "The request conflicts with the current state.",
            Detail = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")),
        };

    private static ProblemDetails Plain(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    /// <summary>
    /// The field a bad request is about: the JSON path of a body that does not read (<c>$.feed.bars</c> → <c>feed.bars</c>),
    /// or the parameter a query or route value did not bind to.
    /// </summary>
    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 0 } path })
        {
            var field = path.TrimStart('$').TrimStart('.');
            return field.Length == 0 ? "body" : field;
        }

        var parameter = ParameterName().Match(bad.Message);
        if (parameter.Success)
        {
            return parameter.Groups["name"].Value;
        }

        return bad.InnerException is JsonException || bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "body" : "request";
    }

    private static string ReasonOf(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException json => JsonReason(json),
        _ => bad.Message,
    };

    // The reader's message ends with its own path and position; the field is the key already.
    private static string JsonReason(JsonException json) =>
        json.Message.Split(" Path:", 2)[0].Trim();

    private static string Camel(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    [GeneratedRegex("parameter \"[^\"]*?(?<name>\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
