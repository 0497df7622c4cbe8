using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Durability;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// The services of a running host, registered once for <c>orchestrator run</c> and whatever serves on top
/// of it (the HTTP API): settings checked at start, the <see cref="PluginHost"/>, the <see cref="IEventBus"/>,
/// the <see cref="BotManager"/>, and the bots of the configuration.
/// </summary>
internal static class OrchestratorServices
{
    public static IServiceCollection AddOrchestratorRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PluginsSettings>(configuration, PluginsSettings.Section);
        services.AddSettings<RuntimeSettings>(configuration, RuntimeSettings.Section);
        services.AddSettings<EventsSettings>(configuration, EventsSettings.Section);
        services.AddSettings<StorageSettings>(configuration, StorageSettings.Section);
        services.AddOptions<BotsSettings>()
            .Configure(settings => settings.Definitions = ConfigurationBinding.Get<List<BotDefinition>>(configuration, BotsSettings.Section) ?? [])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PluginsSettings>, PluginsSettingsValidator>();
        services.AddSingleton<IValidateOptions<RuntimeSettings>, RuntimeSettingsValidator>();
        services.AddSingleton<IValidateOptions<EventsSettings>, EventsSettingsValidator>();
        services.AddSingleton<IValidateOptions<StorageSettings>, StorageSettingsValidator>();
        services.AddSingleton<IValidateOptions<BotsSettings>, BotsSettingsValidator>();

        services.AddSingleton(CreatePluginHost);
        services.AddSingleton(provider => StoreFactory.Open(
            provider.GetRequiredService<IOptions<StorageSettings>>().Value, provider.GetRequiredService<IOptions<RuntimeSettings>>().Value));
        services.AddSingleton<IEventBus>(provider =>
        {
            var events = provider.GetRequiredService<IOptions<EventsSettings>>().Value;
            return new InProcessEventBus(new EventBusOptions { RetentionPerBot = events.RetentionPerBot, SubscriberCapacity = events.SubscriberCapacity });
        });
        services.AddSingleton(provider =>
        {
            var runtime = provider.GetRequiredService<IOptions<RuntimeSettings>>().Value;
            var storage = provider.GetRequiredService<IOptions<StorageSettings>>().Value;
            return new BotManager(provider.GetRequiredService<PluginHost>(), provider.GetRequiredService<IEventBus>(), new BotManagerOptions
            {
                BaseDirectory = runtime.BaseDirectory,
                BarCacheDirectory = runtime.BarCacheDirectory is { Length: > 0 } cache ? runtime.Resolve(cache) : null,
                InputCapacity = runtime.InputCapacity,
                EventBufferCapacity = runtime.EventBufferCapacity,
                DrainTimeout = TimeSpan.FromMilliseconds(runtime.DrainTimeoutMs),
                LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
                Store = provider.GetRequiredService<IStore>(),
                Journal = new JournalOptions
                {
                    CommitEverySteps = storage.CheckpointEverySteps,
                    CommitInterval = TimeSpan.FromMilliseconds(storage.CheckpointIntervalMs),
                },
            });
        });
        // Hosted services start in this order: the schema is current before any bot is restored.
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService<BotsHostedService>();
        return services;
    }

    /// <summary>The plugin host, with every installed plugin loaded (and the folder watched, unless turned off).</summary>
    private static PluginHost CreatePluginHost(IServiceProvider provider)
    {
        var plugins = provider.GetRequiredService<IOptions<PluginsSettings>>().Value;
        var runtime = provider.GetRequiredService<IOptions<RuntimeSettings>>().Value;
        string? Optional(string? path) => string.IsNullOrWhiteSpace(path) ? null : runtime.Resolve(path);
        var host = new PluginHost(new PluginHostOptions
        {
            PluginsDirectory = Optional(plugins.Directory) ?? Path.Combine(AppContext.BaseDirectory, "plugins"),
            StatusFile = Optional(plugins.StatusFile),
            CacheDirectory = Optional(plugins.CacheDirectory),
            WatchForChanges = plugins.Watch,
            Debounce = TimeSpan.FromMilliseconds(plugins.DebounceMs),
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
        });
        host.Start();
        return host;
    }
}
