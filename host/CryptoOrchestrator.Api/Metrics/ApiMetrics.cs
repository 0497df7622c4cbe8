using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CryptoOrchestrator.Api.Metrics;

/// <summary>
/// The API's own instrument, <c>co_api_request_seconds</c> (tags method, route, status), on the host's meter
/// name "CryptoOrchestrator" so one exporter serves it with the runtime's instruments.
/// </summary>
internal static class ApiMetrics
{
    public const string MeterName = "CryptoOrchestrator";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> RequestSeconds = Meter.CreateHistogram<double>(
        "co_api_request_seconds", "s", "Time from a request's arrival to its response, by method, route template and status.");

    /// <summary>Times every request; the route is the endpoint's template, so bot ids do not multiply series.</summary>
    public static IApplicationBuilder UseRequestTiming(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
                RequestSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>("method", context.Request.Method),
                    new KeyValuePair<string, object?>("route", route),
                    new KeyValuePair<string, object?>("status", context.Response.StatusCode));
            }
        });
}
