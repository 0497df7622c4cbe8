using CryptoOrchestrator.Api.Tests.Fixtures;
using System.Text.Json;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class BotLifecycleTests
{
    [Theory]
    [MemberData(nameof(ProviderMatrix.All), MemberType = typeof(ProviderMatrix))]
    public async Task Bot_IsCreatedStartedAndRunsToTheEndOfItsFeed_WithItsPaperFillsVisibleOverTheApi(StoreKind store, BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store, Bus = bus });
        using var trader = await node.UserAsync(Role.Trader);
        using var viewer = await node.UserAsync(Role.Viewer);
        var viewerToken = viewer.DefaultRequestHeaders.Authorization!.ToString();

        var created = await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("sprinter"), 201);
        Assert.Equal("Created", created.GetProperty("status").GetString());
        await using var events = await EventSocket.ConnectAsync(node, "sprinter", 0, viewerToken, inHeader: true);
        await trader.PostJsonAsync("/api/bots/sprinter/start");
        var run = await events.ReadUntilAsync(e => e.EndsRun);
        var ended = await viewer.WaitForStatusAsync("sprinter", "Stopped");

        Assert.Equal("the feed ended after 3000 bars", ended.GetProperty("reason").GetString());
        Assert.Equal(3_000, ended.GetProperty("eventsProcessed").GetInt64());
        Assert.Equal(Enumerable.Range(1, run.Count).Select(i => (long)i), run.Select(e => e.Sequence));
        var fills = run.Where(e => e.Type == "fill").Select(e => e.Payload).ToList();
        Assert.NotEmpty(fills);
        Assert.All(fills, fill => Assert.True(fill.GetProperty("price").GetDecimal() > 0 && fill.GetProperty("quantity").GetDecimal() > 0, fill.ToString()));
        var performance = await viewer.GetJsonAsync("/api/bots/sprinter/performance");
        var fees = fills.Sum(fill => fill.GetProperty("fee").GetDecimal());
        Assert.Equal(fees, performance.GetProperty("totalFees").GetDecimal());
        var strategy = Assert.Single(performance.GetProperty("strategies").EnumerateArray());
        Assert.Equal("sma-crossover", strategy.GetProperty("pluginId").GetString());
        Assert.Equal(fees, strategy.GetProperty("totalFees").GetDecimal());
        Assert.Equal(3_000, performance.GetProperty("report").GetProperty("bars").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ProviderMatrix.All), MemberType = typeof(ProviderMatrix))]
    public async Task PaperBotsJournal_IsServedFromTheStore_AndAgreesExactlyWithItsPipelineAndItsEvents(StoreKind store, BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store, Bus = bus });
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("journaled"), 201);
        await using var events = await EventSocket.ConnectAsync(node, "journaled", 0, trader.DefaultRequestHeaders.Authorization!.ToString(), inHeader: true);
        await trader.PostJsonAsync("/api/bots/journaled/start");
        var run = await events.ReadUntilAsync(e => e.EndsRun);
        await trader.WaitForStatusAsync("journaled", "Stopped");

        var served = await ServedJournal.ReadAsync(trader, "journaled");
        var pipeline = await node.Bots.InspectAsync("journaled", p => (
            p.Portfolio.Cash, p.Portfolio.Equity, p.Portfolio.TotalFees, p.Orders.LastAssignedId, Position: p.Portfolio.GetPosition(p.Portfolio.Instruments[0])));
        var journal = served.Contents;

        Assert.True(journal.Fills.Count > 10, $"the bot trades: {journal.Fills.Count} fills");
        Assert.Equal(pipeline.LastAssignedId, journal.Orders[^1].ClientOrderId);
        // Every order the pipeline reported, with each status it went through, in order.
        var streamedOrders = run.Where(e => e.Type == "order").Select(e => e.Payload).GroupBy(o => o.GetProperty("clientOrderId").GetInt64()).ToList();
        Assert.Equal(streamedOrders.Select(o => o.Key), journal.Orders.Select(o => o.ClientOrderId));
        Assert.Equal(
            streamedOrders.SelectMany(o => o.Select(u => (o.Key, u.GetProperty("status").GetString(), u.GetProperty("filledQuantity").GetDecimal()))),
            journal.Transitions.Select(t => (t.ClientOrderId, (string?)t.Status.ToString(), t.FilledQuantity)));
        Assert.All(journal.Orders, order => Assert.Equal(journal.Transitions.Last(t => t.ClientOrderId == order.ClientOrderId).Status, order.Status));
        Assert.Equal(journal.Orders, (await trader.GetJsonAsync("/api/bots/journaled/orders")).Deserialize<List<OrderRecord>>(ApiJson.Options));
        Assert.Equal(
            run.Where(e => e.Type == "fill").Select(e => (e.Payload.GetProperty("clientOrderId").GetInt64(), e.Payload.GetProperty("price").GetDecimal(),
                e.Payload.GetProperty("quantity").GetDecimal(), e.Payload.GetProperty("fee").GetDecimal())),
            journal.Fills.Select(f => (f.ClientOrderId, f.Price, f.Quantity, f.Fee)));
        Assert.Equal(pipeline.TotalFees, journal.Fills.Sum(f => f.Fee));
        // Positions: as the pipeline holds them, and as the served fills add up to.
        var position = Assert.Single(journal.Positions);
        Assert.Equal((pipeline.Position.Quantity.ToDecimal(), pipeline.Position.AverageEntryPrice, pipeline.Position.RealizedPnl),
            (position.Quantity, position.AveragePrice, position.RealizedPnl));
        Assert.Equal(journal.PositionsFromFills(), journal.StoredPositions());
        // Equity: the last snapshot is the run's end.
        Assert.NotEmpty(served.Equity);
        Assert.Equal((pipeline.Cash, pipeline.Equity), (served.Equity[^1].Cash, served.Equity[^1].Equity));
        Assert.Equal(served.Equity.OrderBy(e => e.TimeMs).Select(e => e.TimeMs), served.Equity.Select(e => e.TimeMs));
    }

    [Theory]
    [MemberData(nameof(ProviderMatrix.All), MemberType = typeof(ProviderMatrix))]
    public async Task Bot_IsPausedResumedStoppedAndDeleted_EachStepByTheRoleItNeeds(StoreKind store, BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store, Bus = bus });
        using var trader = await node.UserAsync(Role.Trader);
        using var @operator = await node.UserAsync(Role.Operator);

        await trader.PostJsonAsync("/api/bots", BotDefinitions.Marathon("marathon"), 201);
        Assert.Equal("Running", (await trader.PostJsonAsync("/api/bots/marathon/start")).GetProperty("status").GetString());
        Assert.Equal("Paused", (await trader.PostJsonAsync("/api/bots/marathon/pause")).GetProperty("status").GetString());
        await trader.PostJsonAsync("/api/bots/marathon/pause", status: 409);
        Assert.Equal("Running", (await trader.PostJsonAsync("/api/bots/marathon/resume")).GetProperty("status").GetString());
        await (await @operator.DeleteAsync("/api/bots/marathon")).ExpectAsync(409);
        var stopped = await trader.PostJsonAsync("/api/bots/marathon/stop");
        Assert.Equal("Stopped", stopped.GetProperty("status").GetString());
        Assert.Equal("stopped on request", stopped.GetProperty("reason").GetString());
        await (await trader.DeleteAsync("/api/bots/marathon")).ExpectAsync(403);
        await (await @operator.DeleteAsync("/api/bots/marathon")).ExpectAsync(204);
        await trader.GetJsonAsync("/api/bots/marathon", 404);
        Assert.Empty((await trader.GetJsonAsync("/api/bots")).EnumerateArray());
    }

    [Fact]
    public async Task Performance_OfABotNeverStarted_IsAConflict()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("idle"), 201);

        var problem = await trader.GetJsonAsync("/api/bots/idle/performance", 409);

        Assert.Contains("has not been started", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
