using System.Data.Common;
using CryptoOrchestrator.Persistence.Sqlite;
using CryptoOrchestrator.Persistence.Tests.Targets;
using Microsoft.Data.Sqlite;

namespace CryptoOrchestrator.Persistence.Tests;

public sealed class SqliteConnectionTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    // Microsoft.Data.Sqlite 10.0.11's own pool, cleared before each wave (as any code in the process may do), lends
    // one native handle to two of sixteen simultaneous opens in about one wave in fifty; three hundred waves catch it.
    [Fact]
    public async Task SimultaneousUsers_NeverShareANativeHandle()
    {
        var database = SqliteDatabase.Open(await target.NewDatabaseAsync());
        await using var _ = database;
        const int users = 16;

        for (var wave = 0; wave < 300; wave++)
        {
            SqliteConnection.ClearAllPools();
            var connections = new DbConnection[users];
            using var start = new Barrier(users);
            var threads = Enumerable.Range(0, users).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                connections[i] = database.OpenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Assert.Equal(users, connections.Select(connection => ((SqliteConnection)connection).Handle!.DangerousGetHandle()).Distinct().Count());
            foreach (var connection in connections)
            {
                await database.ReleaseAsync(connection, reusable: true);
            }
        }
    }

    [Fact]
    public async Task AConnectionLeftInATransaction_IsClosedNotReused()
    {
        var database = SqliteDatabase.Open(await target.NewDatabaseAsync());
        await using var _ = database;
        var connection = (SqliteConnection)await database.OpenAsync(CancellationToken.None);
        connection.BeginTransaction();

        await database.ReleaseAsync(connection, reusable: true);

        var next = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        Assert.NotSame(connection, next);
        await database.ReleaseAsync(next, reusable: true);
    }
}
