using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class CheckpointRepositoryTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Commit_StoresOrdersTransitionsFillsPositionsEquityAndHeader_Together()
    {
        var bot = await _store.NewBotAsync();
        var checkpoint = FilledOrderCheckpoint(bot);

        await _store.Checkpoints.CommitAsync(checkpoint);

        var order = await _store.Orders.GetAsync(bot, 1);
        Assert.Equal(OrderStatus.Filled, order!.Status);
        Assert.Equal(2m, order.FilledQuantity);
        Assert.Equal(201m, order.FilledNotional);
        Assert.Equal([1L, 2L, 3L], (await _store.Orders.TransitionsAsync(bot, 1)).Select(t => t.Sequence));
        Assert.Equal(checkpoint.Fills, await _store.Fills.ForOrderAsync(bot, 1));
        Assert.Equal(checkpoint.Positions, await _store.Positions.ListAsync(bot));
        Assert.Equal(checkpoint.EquitySnapshot, await _store.Equity.LatestAsync(bot));
        Assert.Equal(checkpoint with { NewOrders = [], Transitions = [], Fills = [], Positions = [], EquitySnapshot = null }, await _store.Checkpoints.LatestAsync(bot));
    }

    [Fact]
    public async Task Commit_OfWhatIsAlreadyStored_ChangesNothing_AndMovesTheHeaderOn()
    {
        var bot = await _store.NewBotAsync();
        var checkpoint = FilledOrderCheckpoint(bot);
        await _store.Checkpoints.CommitAsync(checkpoint);
        var replayed = checkpoint with { ProgressMs = Sample.Time + 120_000, Steps = 3 };

        await _store.Checkpoints.CommitAsync(replayed);

        Assert.Equal(3, (await _store.Orders.TransitionsAsync(bot, 1)).Count);
        Assert.Equal(2, (await _store.Fills.ForOrderAsync(bot, 1)).Count);
        Assert.Equal(OrderStatus.Filled, (await _store.Orders.GetAsync(bot, 1))!.Status);
        Assert.Equal(Sample.Time + 120_000, (await _store.Checkpoints.LatestAsync(bot))!.ProgressMs);
    }

    [Fact]
    public async Task Commit_ReplayingAnEarlierTransition_NeverMovesTheOrderBack()
    {
        var bot = await _store.NewBotAsync();
        var checkpoint = FilledOrderCheckpoint(bot);
        await _store.Checkpoints.CommitAsync(checkpoint);

        await _store.Checkpoints.CommitAsync(checkpoint with { Transitions = [checkpoint.Transitions[1]], Fills = [], Positions = [] });

        Assert.Equal(OrderStatus.Filled, (await _store.Orders.GetAsync(bot, 1))!.Status);
    }

    [Fact]
    public async Task Commit_WithAFillThatDiffersFromTheStoredOne_IsRefused_AndWritesNothingOfIt()
    {
        var bot = await _store.NewBotAsync();
        var checkpoint = FilledOrderCheckpoint(bot);
        await _store.Checkpoints.CommitAsync(checkpoint);
        var second = Sample.Order(bot, 2, limitPrice: null);
        var conflicting = checkpoint with
        {
            ProgressMs = Sample.Time + 999,
            NewOrders = [second],
            Transitions = [Sample.Transition(bot, 2, OrderStatus.New, sequence: 1)],
            Fills = [checkpoint.Fills[0] with { Price = 99m }],
        };

        var error = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Checkpoints.CommitAsync(conflicting));

        Assert.Contains("Price", error.Message, StringComparison.Ordinal);
        Assert.Null(await _store.Orders.GetAsync(bot, 2));
        Assert.Equal(checkpoint.ProgressMs, (await _store.Checkpoints.LatestAsync(bot))!.ProgressMs);
    }

    // SQLite keeps each connection's statements prepared and rebinds them: every commit, whatever its row count or
    // nulls, and one refused in the middle, must still store exactly its own rows.
    [Fact]
    public async Task ManyCommits_OfDifferentShapes_EachStoreExactlyTheirRows_EvenAfterARefusedOne()
    {
        var bot = await _store.NewBotAsync();
        var expected = new List<OrderRecord>();
        for (var commit = 1; commit <= 12; commit++)
        {
            var orders = Enumerable.Range(0, commit % 4).Select(i => Sample.Order(bot, (commit * 10) + i, quantity: commit, limitPrice: i % 2 == 0 ? null : 100m + commit)).ToList();
            var checkpoint = new BotCheckpoint(bot, 0, Sample.Time + commit, commit, commit * 10, 1_000m - commit, 1_000m + commit, Sample.Time)
            {
                NewOrders = orders,
                Transitions =
                [
                    .. orders.SelectMany(order => new[]
                    {
                        Sample.Transition(bot, order.ClientOrderId, OrderStatus.New, sequence: 1),
                        Sample.Transition(bot, order.ClientOrderId, OrderStatus.Rejected, sequence: 2, reason: commit % 3 == 0 ? null : $"refused {commit}"),
                    }),
                ],
                Fills = [],
                EquitySnapshot = commit % 2 == 0 ? new EquitySnapshot(bot, Sample.Time + commit, 1_000m - commit, 1_000m + commit) : null,
            };
            if (commit == 6)
            {
                var refused = checkpoint with { Transitions = [.. checkpoint.Transitions, Sample.Transition("other", 1, OrderStatus.Accepted, sequence: 2)] };
                await Assert.ThrowsAsync<ArgumentException>(() => _store.Checkpoints.CommitAsync(refused));
                var ghost = checkpoint with { BotId = "ghost", NewOrders = [], Transitions = [], EquitySnapshot = null };
                await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Checkpoints.CommitAsync(ghost));
            }

            await _store.Checkpoints.CommitAsync(checkpoint);
            expected.AddRange(orders.Select(order => order with
            {
                Status = OrderStatus.Rejected,
                Reason = commit % 3 == 0 ? null : $"refused {commit}",
                UpdatedMs = Sample.Time + 2,
            }));

            Assert.Equal(checkpoint with { NewOrders = [], Transitions = [], EquitySnapshot = null }, await _store.Checkpoints.LatestAsync(bot));
        }

        foreach (var order in expected)
        {
            Assert.Equal(order, await _store.Orders.GetAsync(bot, order.ClientOrderId));
            Assert.Equal([1L, 2L], (await _store.Orders.TransitionsAsync(bot, order.ClientOrderId)).Select(t => t.Sequence));
        }

        Assert.Empty(await _store.Orders.OpenOrdersAsync(bot));
        Assert.Equal(new EquitySnapshot(bot, Sample.Time + 12, 988m, 1_012m), await _store.Equity.LatestAsync(bot));
    }

    [Fact]
    public async Task Commit_ForAnUnknownBot_NamesTheBot()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Checkpoints.CommitAsync(FilledOrderCheckpoint("ghost")));

        Assert.Equal("Bot 'ghost' does not exist.", error.Message);
    }

    [Fact]
    public async Task Commit_HoldingAnotherBotsRecord_IsRefused_NamingTheField()
    {
        var bot = await _store.NewBotAsync();
        var checkpoint = FilledOrderCheckpoint(bot) with { Fills = [Sample.Fill("other", 1, 1)] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _store.Checkpoints.CommitAsync(checkpoint));

        Assert.Contains("BotCheckpoint.Fills holds a record of bot 'other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Latest_OfABotThatNeverCommitted_IsNull()
    {
        var bot = await _store.NewBotAsync();

        Assert.Null(await _store.Checkpoints.LatestAsync(bot));
    }

    /// <summary>A market buy of 2 filled in two parts (100.5 each), the position it left and the step's equity.</summary>
    private static BotCheckpoint FilledOrderCheckpoint(string bot) => new(bot, 0, Sample.Time + 60_000, 2, 1, 9_798.8m, 9_999.8m, Sample.Time)
    {
        NewOrders = [Sample.Order(bot, 1, limitPrice: null)],
        Transitions =
        [
            Sample.Transition(bot, 1, OrderStatus.New, sequence: 1),
            Sample.Transition(bot, 1, OrderStatus.PartiallyFilled, 1m, 100.5m, sequence: 2),
            Sample.Transition(bot, 1, OrderStatus.Filled, 2m, 201m, sequence: 3),
        ],
        Fills = [Sample.Fill(bot, 1, 1, 100.5m), Sample.Fill(bot, 1, 2, 100.5m)],
        Positions = [new PositionRecord(bot, "BTCUSDT", 2m, 100.5m, -0.2m, Sample.Time + 60_000)],
        EquitySnapshot = new EquitySnapshot(bot, Sample.Time + 60_000, 9_798.8m, 9_999.8m),
    };
}

public sealed class SqliteCheckpointRepositoryTests(SqliteTarget target) : CheckpointRepositoryTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresCheckpointRepositoryTests(PostgresTarget target) : CheckpointRepositoryTests(target), IClassFixture<PostgresTarget>;
