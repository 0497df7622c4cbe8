using System.Globalization;
using System.Threading.RateLimiting;
using CryptoOrchestrator.Api.Audit;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Backtests;
using CryptoOrchestrator.Api.Configuration;
using CryptoOrchestrator.Api.Endpoints;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Api.Events;
using CryptoOrchestrator.Api.Health;
using CryptoOrchestrator.Api.Metrics;
using CryptoOrchestrator.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Api;

/// <summary>
/// Registers and maps the operators' HTTP and WebSocket API. The host registers the runtime it serves
/// (<c>IStore</c>, <c>IEventBus</c>, <c>PluginHost</c>, <c>BotManager</c>, optionally <see cref="PluginFolder"/>
/// and a Redis <c>IConnectionMultiplexer</c>); this adds authentication, authorization, rate limiting, problem
/// details, the audit log, background backtests, metrics and every endpoint.
/// </summary>
public static class OrchestratorApi
{
    /// <summary>Adds the API's services, with the <c>Api</c> section bound strictly and checked at start.</summary>
    public static IServiceCollection AddOrchestratorApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiSettings>().Configure(settings => BindStrictly(configuration, settings)).ValidateOnStart();
        services.PostConfigure<ApiSettings>(settings => ApiKeyDefaults.Apply(settings, BaseDirectory(configuration)));
        services.AddSingleton<IValidateOptions<ApiSettings>, ApiSettingsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider =>
        {
            var jwt = provider.GetRequiredService<IOptions<ApiSettings>>().Value.Jwt;
            return new TokenIssuer(new TokenOptions
            {
                SigningKey = jwt.SigningKey,
                Issuer = jwt.Issuer,
                Audience = jwt.Audience,
                Lifetime = TimeSpan.FromMinutes(jwt.LifetimeMinutes),
            }, provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(provider => SecretProtector.FromBase64(
            provider.GetRequiredService<IOptions<ApiSettings>>().Value.SecretsKey, $"{ApiSettings.Section}:{nameof(ApiSettings.SecretsKey)}"));
        services.AddSingleton<Auditor>();
        services.AddSingleton(provider => new CallerCache(
            TimeSpan.FromMilliseconds(provider.GetRequiredService<IOptions<ApiSettings>>().Value.CallerCacheMs), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new PrometheusExporter([ApiMetrics.MeterName]));
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ApiSettings>>().Value;
            return new BacktestRunnerOptions(Path.GetFullPath(settings.DataDirectory, BaseDirectory(configuration)), settings.Backtests.MaxConcurrent, settings.Backtests.Retained);
        });
        services.AddSingleton<BacktestRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<BacktestRunner>());
        services.AddHostedService<AdminBootstrapper>();

        services.AddAuthentication(Caller.Scheme).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiAuthenticationHandler>(Caller.Scheme, null);
        services.AddAuthorization(options =>
        {
            foreach (var (policy, role) in ApiPolicies.All)
            {
                options.AddPolicy(policy, rule => rule.RequireAuthenticatedUser().RequireAssertion(
                    context => Caller.Of(context.User) is { } caller && caller.Role >= role));
            }
        });
        services.AddRateLimiter(options => ConfigureRateLimits(options, configuration));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOpenApi();
        // "Request starting …" lines carry the query string, where a browser's WebSocket puts its access_token.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    /// <summary>Adds the API's middleware and maps every endpoint: /api/…, /healthz, /readyz, /metrics, /openapi/v1.json.</summary>
    public static WebApplication MapOrchestratorApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Listening from the start, so the first scrape already holds what happened before it.
        app.Services.GetRequiredService<PrometheusExporter>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTiming();
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi().AllowAnonymous();
        HealthEndpoints.Map(app);
        var api = app.MapGroup("/api");
        AuthEndpoints.Map(api);
        BotEndpoints.Map(api);
        PriceEndpoints.Map(api);
        OrderEndpoints.Map(api);
        PerformanceEndpoints.Map(api);
        EventStreamEndpoint.Map(api);
        PluginEndpoints.Map(api);
        BacktestEndpoints.Map(api);
        AdminEndpoints.Map(api);
        return app;
    }

    /// <summary>What relative paths of the <c>Api</c> section are relative to: <c>Runtime:BaseDirectory</c>, else the current folder.</summary>
    private static string BaseDirectory(IConfiguration configuration) =>
        configuration["Runtime:BaseDirectory"] is { Length: > 0 } root ? root : Environment.CurrentDirectory;

    private static void BindStrictly(IConfiguration configuration, ApiSettings settings)
    {
        try
        {
            configuration.GetSection(ApiSettings.Section).Bind(settings, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(ApiSettings.Section, typeof(ApiSettings),
                [$"{ApiSettings.Section}: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : "")}"]);
        }
    }

    /// <summary>
    /// A fixed window per user or API key, per IP for anonymous calls, and a stricter one per IP for sign-in;
    /// a refusal is 429 with Retry-After and problem details.
    /// </summary>
    private static void ConfigureRateLimits(RateLimiterOptions options, IConfiguration configuration)
    {
        RateLimitSettings Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<ApiSettings>>().Value.RateLimits;
        FixedWindowRateLimiterOptions Window(int permits, RateLimitSettings limits) =>
            new() { PermitLimit = permits, Window = TimeSpan.FromSeconds(limits.WindowSeconds), QueueLimit = 0, AutoReplenishment = true };
        _ = configuration;

        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var limits = Limits(context);
            return Caller.Of(context.User) is { } caller
                ? RateLimitPartition.GetFixedWindowLimiter($"caller:{caller.UserId}:{caller.ApiKeyName}", _ => Window(limits.PerCaller, limits))
                : RateLimitPartition.GetFixedWindowLimiter($"ip:{context.Connection.RemoteIpAddress}", _ => Window(limits.PerAnonymousIp, limits));
        });
        options.AddPolicy(AuthEndpoints.RateLimitPolicy, context =>
        {
            var limits = Limits(context);
            return RateLimitPartition.GetFixedWindowLimiter($"token:{context.Connection.RemoteIpAddress}", _ => Window(limits.TokenPerIp, limits));
        });
        options.OnRejected = async (rejected, cancellation) =>
        {
            var context = rejected.HttpContext;
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(Limits(context).WindowSeconds);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = $"The rate limit is reached; retry after {context.Response.Headers.RetryAfter} s." },
            }).ConfigureAwait(false);
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrchestratorApi)).LogDebug("Rate limit reached on {Path}", context.Request.Path);
            _ = cancellation;
        };
    }
}
