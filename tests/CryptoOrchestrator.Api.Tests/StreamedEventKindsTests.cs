using System.Net.Http.Json;
using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

/// <summary>The event stream carries what the runtime sees besides orders and fills: risk rules' refusals and plugins' status.</summary>
public class StreamedEventKindsTests
{
    [Theory]
    [InlineData(BusKind.InProcess)]
    [InlineData(BusKind.Redis)]
    public async Task OrderARiskRuleRefuses_IsStreamedAsARiskAlert_BesideTheRejectedOrder(BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Bus = bus, SourcePlugins = ["Accumulating"] });
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Capped("capped", maxPosition: 3m), 201);
        await using var events = await EventSocket.ConnectAsync(node, "capped", 0, trader.DefaultRequestHeaders.Authorization!.ToString(), inHeader: true);

        await trader.PostJsonAsync("/api/bots/capped/start");
        var run = await events.ReadUntilAsync(e => e.EndsRun);

        var alerts = run.Where(e => e.Type == "risk-alert").Select(e => e.Payload).ToList();
        // 20 orders of one unit: three fill, the cap refuses the other seventeen.
        Assert.Equal(17, alerts.Count);
        var rejected = run.Where(e => e.Type == "order" && e.Payload.GetProperty("status").GetString() == "Rejected").Select(e => e.Payload).ToList();
        Assert.Equal(rejected.Select(o => (o.GetProperty("clientOrderId").GetInt64(), o.GetProperty("reason").GetString())),
            alerts.Select(a => (a.GetProperty("clientOrderId").GetInt64(), a.GetProperty("reason").GetString())));
        Assert.All(alerts, alert => Assert.Equal("max-position", alert.GetProperty("reason").GetString()));
        Assert.All(run.Where(e => e.Type == "position"), p => Assert.True(Math.Abs(p.Payload.GetProperty("quantity").GetDecimal()) <= 3m, p.Payload.ToString()));
    }

    [Theory]
    [InlineData(BusKind.InProcess)]
    [InlineData(BusKind.Redis)]
    public async Task PluginDisabledAndEnabledByAnOperator_IsStreamedAsPluginStatus_ToTheBotsThatUseIt(BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Bus = bus });
        using var @operator = await node.UserAsync(Role.Operator);
        await @operator.PostJsonAsync("/api/bots", BotDefinitions.Marathon("user"), 201);
        await @operator.PostJsonAsync("/api/bots/user/start");
        await using var events = await EventSocket.ConnectAsync(node, "user", 0, @operator.DefaultRequestHeaders.Authorization!.ToString(), inHeader: true);

        (await @operator.PostAsJsonAsync("/api/plugins/sma-crossover/disable", new { reason = "under review" })).EnsureSuccessStatusCode();
        var disabled = (await events.ReadUntilAsync(e => e.Type == "plugin-status"))[^1].Payload;
        (await @operator.PostAsJsonAsync("/api/plugins/sma-crossover/enable", new { })).EnsureSuccessStatusCode();
        var enabled = (await events.ReadUntilAsync(e => e.Type == "plugin-status"))[^1].Payload;
        await @operator.PostJsonAsync("/api/bots/user/stop");

        Assert.Equal(("sma-crossover", "Disabled", "under review"),
            (disabled.GetProperty("pluginId").GetString(), disabled.GetProperty("status").GetString(), disabled.GetProperty("reason").GetString()));
        Assert.Equal(("sma-crossover", "Active"), (enabled.GetProperty("pluginId").GetString(), enabled.GetProperty("status").GetString()));
        Assert.Contains("under review", enabled.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
