using CryptoOrchestrator.Persistence.Sqlite;

namespace CryptoOrchestrator.Persistence.Tests;

public sealed class SqliteDurabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-durability-").FullName;

    [Theory]
    [InlineData(SqliteDurability.PowerLoss, 2L)]   // FULL
    [InlineData(SqliteDurability.ProcessCrash, 1L)] // NORMAL
    public async Task EveryConnectionOfTheStore_CommitsWithTheChosenSynchronousLevel(SqliteDurability durability, long expected)
    {
        await using var database = SqliteDatabase.Open(new StoreOptions
        {
            ConnectionString = Path.Combine(_folder, $"{durability}.db"),
            SqliteDurability = durability,
        });

        var levels = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            return (long)(await command.ExecuteScalarAsync())!;
        }, CancellationToken.None)));

        Assert.All(levels, level => Assert.Equal(expected, level));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
