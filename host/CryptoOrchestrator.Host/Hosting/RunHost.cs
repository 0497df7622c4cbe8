using CryptoOrchestrator.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Builds the web host of <c>orchestrator run</c>: the runtime (plugins, bots, store, event bus) and the HTTP
/// and WebSocket API on Kestrel at <c>Api:Urls</c>. Configuration, each source overriding the ones before:
/// appsettings.json beside the executable, the <c>--config</c> file, environment variables prefixed
/// <c>CO_</c> (<c>CO_Plugins__Directory</c>), then <c>--Section:Key=value</c> arguments. Logs go to the console.
/// </summary>
internal static class RunHost
{
    /// <summary>The prefix of environment variables the host reads; <c>__</c> separates sections.</summary>
    public const string EnvironmentPrefix = "CO_";

    /// <summary>The settings file read from beside the executable when present.</summary>
    public const string SettingsFileName = "appsettings.json";

    /// <summary>Where the API listens when <c>Api:Urls</c> is not set.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static IHost Build(string? configFile, IReadOnlyList<string> configArguments)
    {
        var arguments = configArguments.ToArray();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = arguments,
            ApplicationName = "orchestrator",
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The builder's defaults would read every environment variable without a prefix, and appsettings.json
        // from the content root under other rules: only the sources below count, in this order.
        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        var configPath = configFile is null ? null : Path.GetFullPath(configFile);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{RuntimeSettings.Section}:{nameof(RuntimeSettings.BaseDirectory)}"] = configPath is null ? Environment.CurrentDirectory : Path.GetDirectoryName(configPath),
        });
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, SettingsFileName), optional: true, reloadOnChange: false);
        if (configPath is not null)
        {
            configuration.AddJsonFile(configPath, optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine(arguments);

        builder.Logging.ClearProviders();
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.WebHost.UseUrls((configuration["Api:Urls"] is { Length: > 0 } urls ? urls : DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.AddOrchestratorRuntime(configuration);
        builder.Services.AddOrchestratorApi(configuration);
        var app = builder.Build();
        app.MapOrchestratorApi();
        return app;
    }
}
