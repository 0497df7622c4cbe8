using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CryptoOrchestrator.Host.Hosting;
using CryptoOrchestrator.Messaging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Bench;

/// <summary>
/// The real <c>orchestrator run</c> host, started in this process for the API benches: Kestrel on a free loopback
/// port, a SQLite store in <paramref name="root"/>, the in-process bus (or Redis when given), a bootstrapped admin,
/// a viewer API key made through the API, and a paper bot that has traded to its end so the store holds its
/// orders, fills and positions. Everything is set up over HTTP as an operator would do it.
/// </summary>
internal sealed class ApiBenchHost : IAsyncDisposable
{
    public const string BotId = "bench-api";
    private const string AdminUser = "bench-admin";

    private readonly IHost _host;

    private ApiBenchHost(IHost host, Uri address, string apiKey, int positions)
    {
        _host = host;
        Address = address;
        ApiKey = apiKey;
        Positions = positions;
    }

    /// <summary>Where the API listens: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A viewer API key (in memory only: it is never printed).</summary>
    public string ApiKey { get; }

    /// <summary>How many positions GET /api/bots/{id}/positions answers with.</summary>
    public int Positions { get; }

    /// <summary>The host's event bus, on which the fan-out bench publishes the bot's events.</summary>
    public IEventBus Bus => _host.Services.GetRequiredService<IEventBus>();

    public static async Task<ApiBenchHost> StartAsync(string root, string? redis, int? callerCacheMs, int bars, CancellationToken cancellation)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        List<string> settings =
        [
            $"--Runtime:BaseDirectory={Directory.CreateDirectory(root).FullName}",
            $"--Plugins:CacheDirectory={Path.Combine(root, "cache")}",
            $"--Plugins:StatusFile={Path.Combine(root, "state", "plugin-status.json")}",
            "--Plugins:Watch=false",
            "--Api:Urls=http://127.0.0.1:0",
            $"--Api:SecretsKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            $"--Api:Jwt:SigningKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            $"--Api:Bootstrap:AdminUser={AdminUser}",
            $"--Api:Bootstrap:AdminPassword={password}",
            // The bench is one caller sending far more than an operator's limit; the limiter still runs on every request.
            $"--Api:RateLimits:PerCaller={int.MaxValue}",
            "--Logging:LogLevel:Default=Warning",
        ];
        if (callerCacheMs is { } cache)
        {
            settings.Add($"--Api:CallerCacheMs={cache}");
        }

        if (!string.IsNullOrWhiteSpace(redis))
        {
            settings.Add($"--Events:Redis={redis}");
        }

        var host = RunHost.Build(configFile: null, settings);
        try
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            await host.StartAsync(cancellation).ConfigureAwait(false);
            var address = new Uri(host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            var token = await PostAsync(client, "/api/auth/token", new { userName = AdminUser, password }, cancellation).ConfigureAwait(false);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            var users = await client.GetFromJsonAsync<JsonElement>("/api/users", cancellation).ConfigureAwait(false);
            var adminId = users.EnumerateArray().Single().GetProperty("id").GetString();
            var key = await PostAsync(client, $"/api/users/{adminId}/api-keys", new { name = "bench", role = "Viewer" }, cancellation).ConfigureAwait(false);
            var positions = await TradeAsync(client, bars, cancellation).ConfigureAwait(false);
            return new ApiBenchHost(host, address, key.GetProperty("key").GetString()!, positions);
        }
        catch
        {
            await StopAsync(host).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(_host).ConfigureAwait(false);

    /// <summary>Creates and starts the paper bot, waits until it has played its feed to the end, and counts its stored positions.</summary>
    private static async Task<int> TradeAsync(HttpClient client, int bars, CancellationToken cancellation)
    {
        await PostAsync(client, "/api/bots", new
        {
            id = BotId,
            strategies = new[] { new { pluginId = "sma-crossover", parameters = new Dictionary<string, string> { ["fast"] = "5", ["slow"] = "20" } } },
            instruments = new[] { "BTCUSDT", "ETHUSDT" },
            sizing = "fixed:1",
            initialCash = 1_000_000m,
            feed = new { kind = "Synthetic", speed = "max", interval = "1m", bars },
        }, cancellation).ConfigureAwait(false);
        await PostAsync(client, $"/api/bots/{BotId}/start", new { }, cancellation).ConfigureAwait(false);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            var bot = await client.GetFromJsonAsync<JsonElement>($"/api/bots/{BotId}", cancellation).ConfigureAwait(false);
            var status = bot.GetProperty("status").GetString();
            if (status == "Stopped")
            {
                break;
            }

            if (status is not ("Running" or "Created") || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The bench's paper bot is {status} ({bot.GetProperty("reason")}), not done trading.");
            }

            await Task.Delay(100, cancellation).ConfigureAwait(false);
        }

        var positions = await client.GetFromJsonAsync<JsonElement>($"/api/bots/{BotId}/positions", cancellation).ConfigureAwait(false);
        return positions.GetArrayLength() > 0
            ? positions.GetArrayLength()
            : throw new InvalidOperationException("The bench's paper bot ended without a stored position: it never traded.");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, CancellationToken cancellation)
    {
        using var response = await client.PostAsJsonAsync(path, body, cancellation).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task StopAsync(IHost host)
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stopping.Token).ConfigureAwait(false);
        host.Dispose();
    }
}
