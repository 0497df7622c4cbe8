using System.Text.Json;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Tests.Durability;

namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>A bot's journal as the API serves it: every order (page by page) with its transitions, fills, positions and equity.</summary>
internal sealed record ServedJournal(JournalContents Contents, IReadOnlyList<EquitySnapshot> Equity)
{
    public static async Task<ServedJournal> ReadAsync(HttpClient client, string botId)
    {
        var listed = new List<OrderRecord>();
        for (var page = await PageAsync(client, botId, 0); page.Count > 0; page = await PageAsync(client, botId, page[^1].ClientOrderId))
        {
            listed.AddRange(page);
        }

        // Each order as served on its own, with its transitions (of a running bot, a later state than the list's).
        var orders = new List<OrderRecord>();
        var transitions = new List<OrderTransition>();
        foreach (var order in listed)
        {
            var view = await client.GetJsonAsync($"/api/bots/{botId}/orders/{order.ClientOrderId}");
            orders.Add(Read<OrderRecord>(view.GetProperty("order")));
            transitions.AddRange(Read<List<OrderTransition>>(view.GetProperty("transitions")));
        }

        Assert.Equal(listed.Select(o => o.ClientOrderId), orders.Select(o => o.ClientOrderId));

        return new ServedJournal(
            new JournalContents(
                orders,
                transitions,
                Read<List<FillRecord>>(await client.GetJsonAsync($"/api/bots/{botId}/fills")),
                Read<List<PositionRecord>>(await client.GetJsonAsync($"/api/bots/{botId}/positions"))),
            Read<List<EquitySnapshot>>(await client.GetJsonAsync($"/api/bots/{botId}/equity")));
    }

    private static async Task<List<OrderRecord>> PageAsync(HttpClient client, string botId, long after) =>
        Read<List<OrderRecord>>(await client.GetJsonAsync($"/api/bots/{botId}/orders?after={after}&limit=50"));

    private static T Read<T>(JsonElement json) => json.Deserialize<T>(ApiJson.Options)!;
}
