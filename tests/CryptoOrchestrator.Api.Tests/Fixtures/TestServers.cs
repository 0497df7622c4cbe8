namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>The real servers tests/run.sh starts; a test that needs one fails (never skips) when it is not there.</summary>
internal static class TestServers
{
    public static string Postgres => Required("CO_TEST_POSTGRES");

    public static string Redis => Required("CO_TEST_REDIS");

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Run the tests with `bash tests/run.sh`, or start the servers first: eval \"$(bash tests/servers.sh start)\".");
}
