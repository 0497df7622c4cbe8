using CryptoOrchestrator.Api.Endpoints;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Durability;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

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
            .Configure(settings => BindBots(configuration, settings))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PluginsSettings>, PluginsSettingsValidator>();
        services.AddSingleton<IValidateOptions<RuntimeSettings>, RuntimeSettingsValidator>();
        services.AddSingleton<IValidateOptions<EventsSettings>, EventsSettingsValidator>();
        services.AddSingleton<IValidateOptions<StorageSettings>, StorageSettingsValidator>();
        services.AddSingleton<IValidateOptions<BotsSettings>, BotsSettingsValidator>();

        services.AddSingleton(CreatePluginHost);
        services.AddSingleton(provider => StoreFactory.Open(
            provider.GetRequiredService<IOptions<StorageSettings>>().Value, provider.GetRequiredService<IOptions<RuntimeSettings>>().Value));
        AddEventBus(services, configuration);
        // The plugins folder, for the API's reload of every installed plugin.
        services.AddSingleton(provider =>
        {
            var plugins = provider.GetRequiredService<IOptions<PluginsSettings>>().Value;
            var runtime = provider.GetRequiredService<IOptions<RuntimeSettings>>().Value;
            return new PluginFolder(string.IsNullOrWhiteSpace(plugins.Directory) ? Path.Combine(AppContext.BaseDirectory, "plugins") : runtime.Resolve(plugins.Directory));
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
                LatestState = provider.GetRequiredService<ILatestStateCache>(),
                // Read from configuration, not IOptions<BotsSettings>: validating those settings asks this manager (a cycle).
                // A value that is not a boolean fails that validation at start, naming the key.
                RunsBots = !bool.TryParse(configuration[$"{BotsSettings.Section}:{BotsSettings.RunKey}"], out var run) || run,
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

    /// <summary>
    /// The <c>Bots</c> section is the list of configured bots, with one named key beside the indexes:
    /// <c>Bots:Run</c>. The list is bound strictly without it.
    /// </summary>
    private static void BindBots(IConfiguration configuration, BotsSettings settings)
    {
        var runKey = $"{BotsSettings.Section}:{BotsSettings.RunKey}";
        if (configuration[runKey] is { } run)
        {
            settings.Run = bool.TryParse(run, out var value)
                ? value
                : throw new OptionsValidationException(runKey, typeof(BotsSettings), [$"{runKey}: '{run}' is not true or false"]);
        }

        var list = new ConfigurationBuilder().AddInMemoryCollection(configuration.GetSection(BotsSettings.Section).AsEnumerable()
            .Where(entry => !entry.Key.Equals(runKey, StringComparison.OrdinalIgnoreCase))).Build();
        settings.Definitions = ConfigurationBinding.Get<List<BotDefinition>>(list, BotsSettings.Section) ?? [];
    }

    /// <summary>
    /// The event bus and latest-state cache: over Redis when <c>Events:Redis</c> is set (one connection shared by
    /// both, and checked by /readyz), in process otherwise.
    /// </summary>
    private static void AddEventBus(IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[$"{EventsSettings.Section}:{nameof(EventsSettings.Redis)}"]))
        {
            services.AddSingleton<IEventBus>(provider => new InProcessEventBus(BusOptions(provider)));
            services.AddSingleton<ILatestStateCache, InMemoryLatestStateCache>();
            return;
        }

        services.AddSingleton<IConnectionMultiplexer>(provider =>
            ConnectionMultiplexer.Connect(provider.GetRequiredService<IOptions<EventsSettings>>().Value.Redis!));
        services.AddSingleton<IEventBus>(provider => new RedisEventBus(
            provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<IOptions<EventsSettings>>().Value.RedisKeyPrefix, BusOptions(provider)));
        services.AddSingleton<ILatestStateCache>(provider => new RedisLatestStateCache(
            provider.GetRequiredService<IConnectionMultiplexer>(), provider.GetRequiredService<IOptions<EventsSettings>>().Value.RedisKeyPrefix));
    }

    private static EventBusOptions BusOptions(IServiceProvider provider)
    {
        var events = provider.GetRequiredService<IOptions<EventsSettings>>().Value;
        return new EventBusOptions { RetentionPerBot = events.RetentionPerBot, SubscriberCapacity = events.SubscriberCapacity };
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
