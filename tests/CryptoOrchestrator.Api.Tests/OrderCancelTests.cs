using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public class OrderCancelTests
{
    [Fact]
    public async Task Cancel_OfAnOrderRestingAtThePaperExchange_CancelsItThere_AndTheStreamSaysSo()
    {
        await using var node = await ApiNode.StartAsync();
        using var trader = await node.UserAsync(Role.Trader);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Marathon("patient"), 201);
        await using var events = await EventSocket.ConnectAsync(node, "patient", 0, trader.DefaultRequestHeaders.Authorization!.Parameter!);
        await trader.PostJsonAsync("/api/bots/patient/start");

        // A market order waits at the paper exchange for the next bar's open; pausing holds that bar back.
        long? cancelled = null;
        for (var attempt = 0; attempt < 20 && cancelled is null; attempt++)
        {
            var accepted = (await events.ReadUntilAsync(e => e.Type == "order" && e.Payload.GetProperty("status").GetString() == "Accepted"))[^1];
            await trader.PostJsonAsync("/api/bots/patient/pause");
            var id = accepted.Payload.GetProperty("clientOrderId").GetInt64();
            var answer = await trader.PostAsync($"/api/bots/patient/orders/{id}/cancel", null);
            if ((int)answer.StatusCode == 202)
            {
                cancelled = id;
            }
            else
            {
                // Filled before the pause took hold: no longer open (404, or 409 once the store has journaled it).
                Assert.True((int)answer.StatusCode is 404 or 409, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
            }

            await trader.PostJsonAsync("/api/bots/patient/resume");
        }

        Assert.NotNull(cancelled);
        var outcome = (await events.ReadUntilAsync(e => e.Type == "order" && e.Payload.GetProperty("clientOrderId").GetInt64() == cancelled
            && e.Payload.GetProperty("status").GetString() is "Cancelled" or "Filled"))[^1];
        Assert.Equal("Cancelled", outcome.Payload.GetProperty("status").GetString());
        await trader.PostJsonAsync("/api/bots/patient/stop");
    }
}
