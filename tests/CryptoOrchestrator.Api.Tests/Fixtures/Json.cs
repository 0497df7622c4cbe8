using System.Net.Http.Json;
using System.Text.Json;

namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>Reading answers in tests, failing with the body when the status is not the expected one.</summary>
internal static class Json
{
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, int status = 200) =>
        await (await client.GetAsync(path)).ExpectAsync(status);

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, object? body = null, int status = 200) =>
        await (await client.PostAsJsonAsync(path, body ?? new { })).ExpectAsync(status);

    /// <summary>Polls the bot until its status is <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient client, string botId, string status)
    {
        var deadline = DateTime.UtcNow + ApiNode.Patience;
        while (true)
        {
            var bot = await client.GetJsonAsync($"/api/bots/{botId}");
            if (bot.GetProperty("status").GetString() == status)
            {
                return bot;
            }

            Assert.True(DateTime.UtcNow < deadline, $"bot {botId} is {bot.GetProperty("status")} ({bot}), not {status}");
            await Task.Delay(20);
        }
    }
}
