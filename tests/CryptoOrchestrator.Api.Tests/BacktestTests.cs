using System.Text.Json;
using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class BacktestTests
{
    [Fact]
    public async Task Backtest_OnACsvOfTheDataFolder_RunsInTheBackground_ToAResultWithTrades()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);

        var submitted = await trader.PostJsonAsync("/api/backtests", new
        {
            pluginId = "sma-crossover",
            parameters = new Dictionary<string, string> { ["fast"] = "3", ["slow"] = "8" },
            file = "BTCUSDT-1h.csv",
        }, 202);
        var id = submitted.GetProperty("id").GetString();
        var done = await WaitAsync(trader, id!);
        var result = await trader.GetJsonAsync($"/api/backtests/{id}/result");

        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        Assert.Equal(300, result.GetProperty("bars").GetInt64());
        Assert.NotEmpty(result.GetProperty("trades").EnumerateArray());
        Assert.Equal(result.GetProperty("trades").GetArrayLength(), result.GetProperty("report").GetProperty("tradeCount").GetInt32());
    }

    [Fact]
    public async Task Backtest_OnASyntheticSeries_IsTheSameForTheSameSeed()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);
        var request = new { pluginId = "sma-crossover", synthetic = new { bars = 2_000, seed = 7 } };

        var first = (await trader.PostJsonAsync("/api/backtests", request, 202)).GetProperty("id").GetString()!;
        var second = (await trader.PostJsonAsync("/api/backtests", request, 202)).GetProperty("id").GetString()!;
        await WaitAsync(trader, first);
        await WaitAsync(trader, second);

        var a = (await trader.GetJsonAsync($"/api/backtests/{first}/result")).GetProperty("report");
        var b = (await trader.GetJsonAsync($"/api/backtests/{second}/result")).GetProperty("report");
        Assert.Equal(a.GetProperty("finalEquity").GetDecimal(), b.GetProperty("finalEquity").GetDecimal());
        Assert.Equal(2_000, a.GetProperty("bars").GetInt32());
    }

    [Fact]
    public async Task Backtest_RequestWithBadFields_Is400_NamingEach_AndUnknownIds_Are404()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);

        var problem = await trader.PostJsonAsync("/api/backtests", new
        {
            pluginId = "nope",
            file = "../../etc/passwd",
            sizing = "everything",
            initialCash = -1,
        }, 400);
        var bad = await trader.PostJsonAsync("/api/backtests", new
        {
            pluginId = "sma-crossover",
            parameters = new Dictionary<string, string> { ["fast"] = "many" },
            synthetic = new { bars = 1 },
        }, 400);

        var errors = problem.GetProperty("errors");
        Assert.All(new[] { "pluginId", "file", "sizing", "initialCash" }, field => Assert.True(errors.TryGetProperty(field, out _), $"{field} missing: {errors}"));
        Assert.True(bad.GetProperty("errors").TryGetProperty("parameters.fast", out _), bad.ToString());
        Assert.True(bad.GetProperty("errors").TryGetProperty("synthetic.bars", out _), bad.ToString());
        await trader.GetJsonAsync("/api/backtests/nothing", 404);
        await trader.GetJsonAsync("/api/backtests/nothing/result", 404);
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + ApiNode.Patience;
        while (true)
        {
            var status = await client.GetJsonAsync($"/api/backtests/{id}");
            var state = status.GetProperty("state").GetString();
            Assert.True(state is "Queued" or "Running" or "Completed", status.ToString());
            if (state == "Completed")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"backtest {id} is still {state}");
            await Task.Delay(20);
        }
    }
}
