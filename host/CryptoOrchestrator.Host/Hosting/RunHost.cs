using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Builds the generic host of <c>orchestrator run</c>. Configuration, each source overriding the ones before:
/// appsettings.json beside the executable, the <c>--config</c> file, environment variables prefixed
/// <c>CO_</c> (<c>CO_Plugins__Directory</c>), then <c>--Section:Key=value</c> arguments. Logs go to the console.
/// </summary>
internal static class RunHost
{
    /// <summary>The prefix of environment variables the host reads; <c>__</c> separates sections.</summary>
    public const string EnvironmentPrefix = "CO_";

    /// <summary>The settings file read from beside the executable when present.</summary>
    public const string SettingsFileName = "appsettings.json";

    public static IHost Build(string? configFile, IReadOnlyList<string> configArguments)
    {
        var arguments = configArguments.ToArray();
        // No defaults: they would read every environment variable without a prefix, and appsettings.json from the current folder.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Args = arguments,
            ApplicationName = "orchestrator",
            ContentRootPath = AppContext.BaseDirectory,
        });

        var configuration = builder.Configuration;
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

        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });

        builder.Services.AddOrchestratorRuntime(configuration);
        return builder.Build();
    }
}
