using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class PluginTests
{
    [Fact]
    public async Task Plugins_AreListedWithStatus_DisabledAndEnabledByOperators_AndReloaded()
    {
        await using var node = await ApiNode.StartAsync();
        using var @operator = await node.UserAsync(Role.Operator);

        var listed = Assert.Single((await @operator.GetJsonAsync("/api/plugins")).EnumerateArray());
        var disabled = await @operator.PostJsonAsync("/api/plugins/sma-crossover/disable", new { reason = "maintenance" });
        var enabled = await @operator.PostJsonAsync("/api/plugins/sma-crossover/enable");
        var reloaded = (await @operator.PostJsonAsync("/api/plugins/reload")).EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(("sma-crossover", "Active", true), (listed.GetProperty("id").GetString(), listed.GetProperty("status").GetString(), listed.GetProperty("loaded").GetBoolean()));
        Assert.Equal(("Disabled", "maintenance"), (disabled.GetProperty("status").GetString(), disabled.GetProperty("reason").GetString()));
        Assert.Equal("Active", enabled.GetProperty("status").GetString());
        Assert.NotEmpty(reloaded);
        await @operator.PostJsonAsync("/api/plugins/nope/disable", status: 404);
    }
}
