using CryptoOrchestrator.Api.Tests.Fixtures;
using CryptoOrchestrator.Persistence;

namespace CryptoOrchestrator.Api.Tests;

public sealed class ListingElsewhereTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-listing-").FullName;

    [Fact]
    public async Task NodeThatRunsNoBots_ListsTheStoresBots_FromTheStore_WhenNoStateWasCachedForIt()
    {
        // One SQLite file, and each node's own in-process bus and cache: the second node has no cached state to show.
        var shared = new NodeOptions { SqliteFile = Path.Combine(_folder, "orchestrator.db") };
        await using var runner = await ApiNode.StartAsync(shared);
        await using var server = await ApiNode.StartAsync(shared with { RunsBots = false });
        using var trader = await runner.UserAsync(Role.Trader);
        using var admin = await server.SignInAsync(ApiNode.AdminUser, ApiNode.AdminPassword);

        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("b-second"), 201);
        await trader.PostJsonAsync("/api/bots", BotDefinitions.Sprinter("a-first"), 201);
        var listed = (await admin.GetJsonAsync("/api/bots")).EnumerateArray()
            .Select(bot => (bot.GetProperty("id").GetString(), bot.GetProperty("status").GetString())).ToList();

        Assert.Equal([("a-first", "Created"), ("b-second", "Created")], listed);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
