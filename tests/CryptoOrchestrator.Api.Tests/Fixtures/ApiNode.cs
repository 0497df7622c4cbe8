using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CryptoOrchestrator.Api.Endpoints;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>
/// One API node on real Kestrel (127.0.0.1, a free port) over a real store (SQLite in a temp folder, or PostgreSQL)
/// and a real event bus (in process, or Redis), with the SMA crossover plugin installed and every log line captured.
/// </summary>
public sealed class ApiNode : IAsyncDisposable
{
    public const string AdminUser = "root-admin";
    public const string AdminPassword = "admin-password-Zq81!x";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<Func<ValueTask>> _cleanup = [];
    private WebApplication _app = null!;

    private ApiNode(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public Uri Address { get; private set; } = null!;

    public IStore Store { get; private set; } = null!;

    public BotManager Bots { get; private set; } = null!;

    public IEventBus Bus { get; private set; } = null!;

    internal LogCapture Logs { get; } = new();

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiNode> StartAsync(NodeOptions? options = null)
    {
        options ??= new NodeOptions();
        var node = new ApiNode(Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "co-api-" + Guid.NewGuid().ToString("N"))).FullName);
        try
        {
            await node.LaunchAsync(options);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Address, Timeout = Patience };

    /// <summary>A client with a bearer token for <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => SignInAsync(AdminUser, AdminPassword);

    /// <summary>Creates a user with <paramref name="role"/> (as the admin) and signs them in.</summary>
    public async Task<HttpClient> UserAsync(Role role)
    {
        using var admin = await AdminAsync();
        var name = $"{role}-{Guid.NewGuid():N}"[..20];
        const string password = "user-password-0123";
        var created = await admin.PostAsJsonAsync("/api/users", new { userName = name, password, role = role.ToString() });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return await SignInAsync(name, password);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i]();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A plugin file still mapped; the OS cleans temp.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private async Task LaunchAsync(NodeOptions options)
    {
        Store = await OpenStoreAsync(options);
        _cleanup.Add(() => Store.DisposeAsync());

        var plugins = Path.Combine(Root, "plugins");
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "reference-plugins", "CryptoOrchestrator.Strategies.SmaCrossover"), Path.Combine(plugins, "CryptoOrchestrator.Strategies.SmaCrossover"));
        foreach (var source in options.SourcePlugins)
        {
            CopyFolder(Path.Combine(AppContext.BaseDirectory, "SourcePlugins", source), Path.Combine(plugins, source));
        }

        var data = Directory.CreateDirectory(Path.Combine(Root, "data")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1h.csv"), Path.Combine(data, "BTCUSDT-1h.csv"));

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Root });
        builder.Configuration.Sources.Clear();
        var settings = new Dictionary<string, string?>
        {
            ["Runtime:BaseDirectory"] = Root,
            ["Api:SecretsKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Api:Jwt:SigningKey"] = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray()),
            ["Api:Bootstrap:AdminUser"] = AdminUser,
            ["Api:Bootstrap:AdminPassword"] = AdminPassword,
            // Tests sign in many users from one address; the sign-in limit has a test of its own.
            ["Api:RateLimits:TokenPerIp"] = "10000",
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(Logs);
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var loggers = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        _cleanup.Add(() =>
        {
            loggers.Dispose();
            return ValueTask.CompletedTask;
        });
        var host = new PluginHost(new PluginHostOptions { PluginsDirectory = plugins, WatchForChanges = false, LoggerFactory = loggers });
        host.Start();
        _cleanup.Add(() =>
        {
            host.Dispose();
            return ValueTask.CompletedTask;
        });
        Bus = await OpenBusAsync(options, builder.Services);
        var latest = builder.Services.Single(service => service.ServiceType == typeof(ILatestStateCache)).ImplementationInstance as ILatestStateCache;
        _cleanup.Add(() => Bus.DisposeAsync());
        // The store the API reads is the one the bots journal to, as in `orchestrator run`.
        Bots = new BotManager(host, Bus, new BotManagerOptions { BaseDirectory = Root, LoggerFactory = loggers, Store = Store, RunsBots = options.RunsBots, LatestState = latest });
        _cleanup.Add(() => Bots.DisposeAsync());
        if (options.Restore)
        {
            await Bots.RestoreAsync();
        }

        builder.Services.AddSingleton(Store);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(Bus);
        builder.Services.AddSingleton(Bots);
        builder.Services.AddSingleton(new PluginFolder(plugins));
        builder.Services.AddOrchestratorApi(builder.Configuration);
        _app = builder.Build();
        _app.MapOrchestratorApi();
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private async Task<IStore> OpenStoreAsync(NodeOptions options)
    {
        if (options.Store == StoreKind.Sqlite)
        {
            return await Stores.OpenAsync(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = options.SqliteFile ?? Path.Combine(Root, "orchestrator.db") });
        }

        var connection = options.SharedPostgres;
        if (connection is null)
        {
            var database = await PostgresDatabase.CreateAsync();
            _cleanup.Add(() => database.DisposeAsync());
            connection = database.ConnectionString;
        }

        return await Stores.OpenAsync(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = connection });
    }

    private async Task<IEventBus> OpenBusAsync(NodeOptions options, IServiceCollection services)
    {
        var busOptions = new EventBusOptions { RetentionPerBot = options.RetentionPerBot };
        if (options.Bus == BusKind.InProcess)
        {
            services.AddSingleton<ILatestStateCache>(new InMemoryLatestStateCache());
            return new InProcessEventBus(busOptions);
        }

        var redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        _cleanup.Add(() =>
        {
            redis.Dispose();
            return ValueTask.CompletedTask;
        });
        services.AddSingleton<IConnectionMultiplexer>(redis);
        var prefix = options.RedisPrefix ?? $"co-api-{Guid.NewGuid():N}:";
        services.AddSingleton<ILatestStateCache>(new RedisLatestStateCache(redis, prefix));
        return new RedisEventBus(redis, prefix, busOptions);
    }

    private static void CopyFolder(string source, string target)
    {
        Assert.True(Directory.Exists(source), $"{source} is missing from the build output.");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
