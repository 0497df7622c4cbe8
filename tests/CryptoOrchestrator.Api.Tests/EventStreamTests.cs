using System.Net.WebSockets;
using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class EventStreamTests
{
    [Theory]
    [MemberData(nameof(ProviderMatrix.All), MemberType = typeof(ProviderMatrix))]
    public async Task ClientThatDisconnectsAndResumes_MissesNothing_AndGetsNothingTwice(StoreKind store, BusKind bus)
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { Store = store, Bus = bus });
        using var trader = await node.UserAsync(Role.Trader);
        var token = trader.DefaultRequestHeaders.Authorization!.Parameter!;
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("resumed", bars: 5_000), 201);

        var seen = new List<StreamedEvent>();
        await using (var first = await EventSocket.ConnectAsync(node, "resumed", 0, token))
        {
            await trader.PostJsonAsync("/api/bots/resumed/start");
            // Leaves in the middle of the run: the bot keeps publishing meanwhile.
            seen.AddRange(await first.ReadUntilAsync(e => e.Sequence >= 40));
            await first.CloseAsync();
        }

        var reconnects = 0;
        while (!seen[^1].EndsRun)
        {
            await using var again = await EventSocket.ConnectAsync(node, "resumed", seen[^1].Sequence, token);
            reconnects++;
            var chunk = new List<StreamedEvent>();
            while (chunk.Count < 500 && await again.NextAsync() is { } next)
            {
                chunk.Add(next);
                if (next.EndsRun)
                {
                    break;
                }
            }

            seen.AddRange(chunk);
            await again.CloseAsync();
        }

        await using var whole = await EventSocket.ConnectAsync(node, "resumed", 0, token);
        var reference = await whole.ReadUntilAsync(e => e.EndsRun);
        Assert.True(reconnects >= 2, $"{reconnects} reconnects");
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen.Select(e => e.Sequence));
        Assert.Equal(reference.Select(e => (e.Sequence, e.Type, e.Payload.ToString())), seen.Select(e => (e.Sequence, e.Type, e.Payload.ToString())));
        Assert.Contains(seen, e => e.Type == "fill");
    }

    [Fact]
    public async Task ResumeFromEventsNoLongerRetained_IsClosedWithPolicyViolation_SayingSo()
    {
        await using var node = await ApiNode.StartAsync(new NodeOptions { RetentionPerBot = 20 });
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("forgetful"), 201);
        await trader.PostJsonAsync("/api/bots/forgetful/start");
        await trader.WaitForStatusAsync("forgetful", "Stopped");

        await using var late = await EventSocket.ConnectAsync(node, "forgetful", 1, trader.DefaultRequestHeaders.Authorization!.Parameter!);

        Assert.Null(await late.NextAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, late.CloseStatus);
        Assert.Contains("expired", late.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventStream_OfAnUnknownBot_Is404_AndWithoutCredentials_Is401()
    {
        await using var node = await ApiNode.StartAsync();
        using var viewer = await node.UserAsync(Role.Viewer);

        var unknown = await Assert.ThrowsAsync<WebSocketException>(() => EventSocket.ConnectAsync(node, "ghost", 0, viewer.DefaultRequestHeaders.Authorization!.Parameter!));
        var stranger = await Assert.ThrowsAsync<WebSocketException>(() => EventSocket.ConnectAsync(node, "ghost", 0, "not-a-token"));

        Assert.Contains("404", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("401", stranger.Message, StringComparison.Ordinal);
    }
}
