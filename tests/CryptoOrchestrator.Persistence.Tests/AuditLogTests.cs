using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class AuditLogTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Append_NumbersEntriesOneAfterAnother_AndReadResumesAfterASequence()
    {
        var before = await LastSequenceAsync();
        var first = await _store.Audit.AppendAsync(1_000, "alice", "bot.create", "bot-1", """{"name":"Trend"}""");
        var second = await _store.Audit.AppendAsync(2_000, "alice", "bot.start", "bot-1", "{}");

        Assert.Equal((before + 1, before + 2), (first.Sequence, second.Sequence));
        Assert.Equal([first, second], await _store.Audit.ReadAsync(before));
        Assert.Equal([second], await _store.Audit.ReadAsync(first.Sequence));
    }

    [Fact]
    public async Task ConcurrentAppends_GetGaplessIncreasingSequences()
    {
        var before = await LastSequenceAsync();

        var entries = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => _store.Audit.AppendAsync(i, $"user-{i}", "order.cancel", "bot-1", "{}"))));

        var read = await _store.Audit.ReadAsync(before, limit: 100);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => before + i), read.Select(entry => entry.Sequence));
        Assert.Equal(entries.OrderBy(entry => entry.Sequence), read);
    }

    private async Task<long> LastSequenceAsync()
    {
        var entries = await _store.Audit.ReadAsync(0, limit: 100_000);
        return entries.Count == 0 ? 0 : entries[^1].Sequence;
    }
}

public sealed class SqliteAuditLogTests(SqliteTarget target) : AuditLogTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresAuditLogTests(PostgresTarget target) : AuditLogTests(target), IClassFixture<PostgresTarget>;
