using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class AuditTests
{
    [Fact]
    public async Task EveryStateChangingRequest_IsInTheAuditLog_WithWhoWhatTargetAndOutcome_ForAdminsOnly()
    {
        await using var node = await ApiNode.StartAsync();
        using var admin = await node.AdminAsync();
        using var trader = await node.UserAsync(Role.Trader);

        await trader.PostJsonAsync("/api/bots", BotDefinitions.Marathon("audited"), 201);
        await trader.PostJsonAsync("/api/bots/audited/start");
        await trader.PostJsonAsync("/api/bots/audited/pause");
        await trader.PostJsonAsync("/api/bots/audited/pause", status: 409);
        await trader.PostJsonAsync("/api/bots/audited/stop");
        await trader.PostJsonAsync("/api/bots/ghost/start", status: 404);

        var entries = (await admin.GetJsonAsync("/api/audit")).EnumerateArray().ToList();
        await trader.GetJsonAsync("/api/audit", 403);

        var trading = entries.Where(e => e.GetProperty("actor").GetString()!.StartsWith("Trader-", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("bot.create", "audited", 201), ("bot.start", "audited", 200), ("bot.pause", "audited", 200), ("bot.pause", "audited", 409), ("bot.stop", "audited", 200), ("bot.start", "ghost", 404)],
            trading.Select(e => (e.GetProperty("action").GetString(), e.GetProperty("target").GetString(),
                System.Text.Json.JsonDocument.Parse(e.GetProperty("detailsJson").GetString()!).RootElement.GetProperty("status").GetInt32())));
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "user.create" && e.GetProperty("actor").GetString() == ApiNode.AdminUser);
        Assert.Equal(entries.Select(e => e.GetProperty("sequence").GetInt64()).Order(), entries.Select(e => e.GetProperty("sequence").GetInt64()));
    }
}
