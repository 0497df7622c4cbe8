using CryptoOrchestrator.Persistence.Sql;
using CryptoOrchestrator.Persistence.Sqlite;
using CryptoOrchestrator.Persistence.Tests.Targets;
using Microsoft.Data.Sqlite;

namespace CryptoOrchestrator.Persistence.Tests;

public sealed class SqliteStatementCacheTests(SqliteTarget target) : IClassFixture<SqliteTarget>
{
    private const string InsertNote = "INSERT INTO notes (time_ms, author, body) VALUES (@time, @author, @body)";

    [Fact]
    public async Task AStatement_IsOneCommandPerConnection_ThatOutlivesItsUsersDisposal()
    {
        var database = SqliteDatabase.Open(await target.NewDatabaseAsync());
        await using var _ = database;
        var connection = (StatementCachingConnection)await database.OpenAsync(CancellationToken.None);

        using (var transaction = connection.BeginTransaction())
        {
            var first = connection.Statement("SELECT @value", transaction);
            first.With("@value", 1);
            Assert.Equal(1L, first.ExecuteScalar());
            await first.DisposeAsync();

            var again = connection.Statement("SELECT @value", transaction);
            again.With("@value", 2);

            Assert.Same(first, again);
            Assert.Single(again.Parameters);
            Assert.Equal(2L, again.ExecuteScalar());
        }

        await database.ReleaseAsync(connection, reusable: true);
    }

    [Fact]
    public async Task AStatementThatFailed_InARolledBackTransaction_RunsAgainInTheNext()
    {
        var options = await target.NewDatabaseAsync();
        var database = SqliteDatabase.Open(options);
        await using var _ = database;
        await target.ExecuteAsync(options, "CREATE TABLE notes (time_ms INTEGER NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL)");
        var connection = (StatementCachingConnection)await database.OpenAsync(CancellationToken.None);
        using (var failing = connection.BeginTransaction(deferred: false))
        {
            var insert = Bind(connection.Statement(InsertNote, failing), author: null);
            Assert.Throws<SqliteException>(() => insert.ExecuteNonQuery());
            failing.Rollback();
        }

        using (var next = connection.BeginTransaction(deferred: false))
        {
            Assert.Equal(1, Bind(connection.Statement(InsertNote, next), author: "admin").ExecuteNonQuery());
            next.Commit();
        }

        Assert.Equal(1L, await target.ScalarAsync(options, "SELECT COUNT(*) FROM notes WHERE author = 'admin'"));
        await database.ReleaseAsync(connection, reusable: true);
    }

    private static System.Data.Common.DbCommand Bind(SqliteCommand command, string? author) =>
        command.With("@time", Sample.Time).With("@author", author).With("@body", "text");
}
