using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class OrderJournalTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Fact]
    public async Task Journal_BeforeSending_ThenTransitions_AreKeptInOrder()
    {
        var bot = await _store.NewBotAsync();
        await _store.Orders.JournalAsync(Sample.Order(bot, 1));
        Assert.Equal(OrderStatus.New, (await _store.Orders.GetAsync(bot, 1))!.Status);

        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.Accepted));
        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.PartiallyFilled, 0.5m, 50m));
        var last = await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.Filled, 2m, 201.5m) with { TimeMs = Sample.Time + 9 });

        var history = await _store.Orders.TransitionsAsync(bot, 1);
        Assert.Equal([1L, 2L, 3L, 4L], history.Select(transition => transition.Sequence));
        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.Filled], history.Select(transition => transition.Status));
        Assert.Equal(4, last.Sequence);
        var order = await _store.Orders.GetAsync(bot, 1);
        Assert.Equal(Sample.Order(bot, 1) with { Status = OrderStatus.Filled, FilledQuantity = 2m, FilledNotional = 201.5m, UpdatedMs = Sample.Time + 9 }, order);
    }

    [Fact]
    public async Task ForbiddenTransition_IsRefused_NamingBotAndOrder_AndNothingChanges()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 7);
        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 7, OrderStatus.Filled, 2m, 200m));
        var before = await _store.Orders.GetAsync(bot, 7);

        var error = await Assert.ThrowsAsync<OrderTransitionRefusedException>(
            () => _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 7, OrderStatus.Cancelled, 2m, 200m, reason: "user")));

        Assert.Contains($"Bot '{bot}', order co-7", error.Message, StringComparison.Ordinal);
        Assert.Equal((OrderStatus.Filled, OrderStatus.Cancelled), (error.From, error.To));
        Assert.IsType<InvalidOrderTransitionException>(error.InnerException);
        Assert.Equal(before, await _store.Orders.GetAsync(bot, 7));
        Assert.Equal(3, (await _store.Orders.TransitionsAsync(bot, 7)).Count);
    }

    [Fact]
    public async Task Transition_ThatShrinksOrOverfillsTheFilledQuantity_IsRefused()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1, quantity: 2m);
        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.PartiallyFilled, 1m, 100m));

        var shrink = await Assert.ThrowsAsync<OrderTransitionRefusedException>(
            () => _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.PartiallyFilled, 0.5m, 50m)));
        var overfill = await Assert.ThrowsAsync<OrderTransitionRefusedException>(
            () => _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.Filled, 2.5m, 250m)));

        Assert.Contains("FilledQuantity 0.5 is below", shrink.Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the order's Quantity 2", overfill.Message, StringComparison.Ordinal);
        Assert.Equal(1m, (await _store.Orders.GetAsync(bot, 1))!.FilledQuantity);
    }

    [Fact]
    public async Task Transition_OfAnUnknownOrder_NamesTheBotAndTheOrder()
    {
        var bot = await _store.NewBotAsync();

        var error = await Assert.ThrowsAsync<RecordNotFoundException>(
            () => _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 404, OrderStatus.Accepted)));

        Assert.Equal($"Order co-404 of bot '{bot}' does not exist.", error.Message);
    }

    [Fact]
    public async Task Journal_ForAnUnknownBot_NamesTheBot_AndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<RecordNotFoundException>(() => _store.Orders.JournalAsync(Sample.Order("ghost", 1)));

        Assert.Equal("Bot 'ghost' does not exist.", error.Message);
        Assert.Null(await _store.Orders.GetAsync("ghost", 1));
    }

    [Fact]
    public async Task Journal_OfAClientOrderIdAlreadyJournaled_IsRefused_AndKeepsTheFirst()
    {
        var bot = await _store.NewBotAsync();
        await _store.Orders.JournalAsync(Sample.Order(bot, 3));

        var error = await Assert.ThrowsAsync<DuplicateRecordException>(() => _store.Orders.JournalAsync(Sample.Order(bot, 3, quantity: 9m)));

        Assert.Equal("ClientOrderId", error.Field);
        Assert.Contains("co-3", error.Message, StringComparison.Ordinal);
        Assert.Equal(2m, (await _store.Orders.GetAsync(bot, 3))!.Quantity);
        Assert.Single(await _store.Orders.TransitionsAsync(bot, 3));
    }

    [Fact]
    public async Task Journal_OfAnOrderNotNew_IsRefusedNamingTheField()
    {
        var bot = await _store.NewBotAsync();

        var status = await Assert.ThrowsAsync<ArgumentException>(() => _store.Orders.JournalAsync(Sample.Order(bot, 1) with { Status = OrderStatus.Accepted }));
        var quantity = await Assert.ThrowsAsync<ArgumentException>(() => _store.Orders.JournalAsync(Sample.Order(bot, 1, quantity: 0m)));

        Assert.Contains("OrderRecord.Status", status.Message, StringComparison.Ordinal);
        Assert.Contains("OrderRecord.Quantity", quantity.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transition_WithItsSequence_IsIdempotentOnReplay_AndRefusedOutOfTurn()
    {
        var bot = await _store.NewBotAsync();
        await _store.Orders.JournalAsync(Sample.Order(bot, 1));
        var accepted = Sample.Transition(bot, 1, OrderStatus.Accepted, sequence: 2);

        var first = await _store.Orders.RecordTransitionAsync(accepted);
        var replay = await _store.Orders.RecordTransitionAsync(accepted);
        var conflicting = await Assert.ThrowsAsync<DuplicateRecordException>(
            () => _store.Orders.RecordTransitionAsync(accepted with { Status = OrderStatus.Rejected, Reason = "no funds" }));
        var gap = await Assert.ThrowsAsync<OrderTransitionRefusedException>(
            () => _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.Filled, 2m, 200m, sequence: 4)));

        Assert.Equal(first, replay);
        Assert.Equal("Status, Reason", conflicting.Field);
        Assert.Contains("the next is 3", gap.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await _store.Orders.TransitionsAsync(bot, 1)).Count);
    }

    [Fact]
    public async Task ConcurrentTransitions_OfOneOrder_GetDistinctGaplessSequences()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1, quantity: 10m);

        var recorded = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.PartiallyFilled, 1m, 100m)))));

        Assert.Equal(Enumerable.Range(3, 12).Select(sequence => (long)sequence), recorded.Select(transition => transition.Sequence).Order());
        Assert.Equal(Enumerable.Range(1, 14).Select(sequence => (long)sequence), (await _store.Orders.TransitionsAsync(bot, 1)).Select(transition => transition.Sequence));
    }

    [Fact]
    public async Task OpenOrders_AreThoseNotFinal_AndLastClientOrderIdIsTheHighestJournaled()
    {
        var bot = await _store.NewBotAsync();
        await _store.Orders.JournalAsync(Sample.Order(bot, 1));
        await _store.AcceptedOrderAsync(bot, 2);
        await _store.AcceptedOrderAsync(bot, 5);
        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 5, OrderStatus.Cancelled, reason: "user"));
        await _store.AcceptedOrderAsync(bot, 9);
        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 9, OrderStatus.PartiallyFilled, 1m, 100m));

        var open = await _store.Orders.OpenOrdersAsync(bot);

        Assert.Equal([1L, 2L, 9L], open.Select(order => order.ClientOrderId));
        Assert.Equal(9, await _store.Orders.LastClientOrderIdAsync(bot));
        Assert.Equal(0, await _store.Orders.LastClientOrderIdAsync(await _store.NewBotAsync()));
        Assert.Equal("user", (await _store.Orders.GetAsync(bot, 5))!.Reason);
    }

    [Fact]
    public async Task List_PagesByClientOrderId()
    {
        var bot = await _store.NewBotAsync();
        foreach (var id in new long[] { 4, 1, 3, 2, 5 })
        {
            await _store.Orders.JournalAsync(Sample.Order(bot, id));
        }

        var firstPage = await _store.Orders.ListAsync(bot, limit: 2);
        var secondPage = await _store.Orders.ListAsync(bot, afterClientOrderId: firstPage[^1].ClientOrderId, limit: 2);

        Assert.Equal([1L, 2L], firstPage.Select(order => order.ClientOrderId));
        Assert.Equal([3L, 4L], secondPage.Select(order => order.ClientOrderId));
    }

    [Fact]
    public async Task RecordFill_StoresTheFillAndItsTransitionTogether_AndAReplayOnce()
    {
        var bot = await _store.NewBotAsync();
        await _store.AcceptedOrderAsync(bot, 1);
        var fill = Sample.Fill(bot, 1, 1, price: 100.5m, quantity: 2m);
        var filled = Sample.Transition(bot, 1, OrderStatus.Filled, 2m, 201m);

        Assert.True(await _store.Orders.RecordFillAsync(fill, filled));
        Assert.False(await _store.Orders.RecordFillAsync(fill, filled));

        Assert.Equal([fill], await _store.Fills.ForOrderAsync(bot, 1));
        Assert.Equal(3, (await _store.Orders.TransitionsAsync(bot, 1)).Count);
        Assert.Equal(OrderStatus.Filled, (await _store.Orders.GetAsync(bot, 1))!.Status);
    }

    [Fact]
    public async Task RecordFill_WhoseTransitionIsRefused_StoresNeitherHalf()
    {
        var bot = await _store.NewBotAsync();
        await _store.Orders.JournalAsync(Sample.Order(bot, 1));

        await Assert.ThrowsAsync<OrderTransitionRefusedException>(
            () => _store.Orders.RecordFillAsync(Sample.Fill(bot, 1, 1), Sample.Transition(bot, 1, OrderStatus.Filled, 2m, 200m)));

        Assert.Empty(await _store.Fills.ForOrderAsync(bot, 1));
        Assert.Equal(OrderStatus.New, (await _store.Orders.GetAsync(bot, 1))!.Status);
    }
}

public sealed class SqliteOrderJournalTests(SqliteTarget target) : OrderJournalTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresOrderJournalTests(PostgresTarget target) : OrderJournalTests(target), IClassFixture<PostgresTarget>;
