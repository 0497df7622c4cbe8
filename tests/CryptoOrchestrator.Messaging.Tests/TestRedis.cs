using StackExchange.Redis;

namespace CryptoOrchestrator.Messaging.Tests;

/// <summary>The real Redis the tests run against, and a key prefix of their own on it.</summary>
internal static class TestRedis
{
    public const string Variable = "CO_TEST_REDIS";

    public static async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var address = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: these tests need a real Redis. Run them through tests/run.sh, which starts one, " +
                "or by hand: eval \"$(bash tests/servers.sh start)\", then dotnet test, then bash tests/servers.sh stop.");
        }

        var options = ConfigurationOptions.Parse(address);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 5_000;
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>A prefix no other test uses, so tests share the server without seeing each other's keys.</summary>
    public static string NewPrefix() => $"co-test:{Guid.NewGuid():N}:";

    public static async Task DeleteKeysAsync(IConnectionMultiplexer connection, string prefix) =>
        await connection.GetDatabase().ScriptEvaluateAsync(
            "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end",
            values: [prefix + "*"]);
}
