using System.Globalization;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Persistence.Tests.Targets;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Persistence.Tests;

public abstract class DecimalExactnessTests(StoreTarget target)
{
    private readonly IStore _store = target.Store;

    [Theory]
    [InlineData("0.00000001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-1.5")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("1.50")]
    public async Task Decimal_RoundTripsExactly_ThroughEveryKindOfRecord(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        var bot = await _store.NewBotAsync();

        await _store.Positions.UpsertAsync(new PositionRecord(bot, "BTCUSDT", value, magnitude, value, Sample.Time));
        await _store.Equity.AddAsync(new EquitySnapshot(bot, Sample.Time, value, value));
        await _store.Orders.JournalAsync(Sample.Order(bot, 1, quantity: magnitude, limitPrice: magnitude) with { StopPrice = magnitude });
        await _store.Orders.RecordTransitionAsync(Sample.Transition(bot, 1, OrderStatus.Accepted));
        await _store.Orders.RecordFillAsync(
            Sample.Fill(bot, 1, 1, price: magnitude, quantity: magnitude) with { Fee = value },
            Sample.Transition(bot, 1, OrderStatus.Filled, magnitude, magnitude));

        var position = await _store.Positions.GetAsync(bot, "BTCUSDT");
        var equity = await _store.Equity.LatestAsync(bot);
        var order = await _store.Orders.GetAsync(bot, 1);
        var fill = (await _store.Fills.ForOrderAsync(bot, 1)).Single();
        var transition = (await _store.Orders.TransitionsAsync(bot, 1))[^1];

        AssertExact(value, position!.Quantity, position.RealizedPnl, equity!.Cash, equity.Equity, fill.Fee);
        AssertExact(magnitude, position.AveragePrice, order!.Quantity, order.LimitPrice!.Value, order.StopPrice!.Value, order.FilledQuantity,
            order.FilledNotional, fill.Price, fill.Quantity, transition.FilledQuantity, transition.FilledNotional);
    }

    // Equal decimals can differ in scale (1.5 and 1.50); exact means the digits come back as they went in.
    private static void AssertExact(decimal expected, params decimal[] actual) =>
        Assert.All(actual, value => Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), value.ToString(CultureInfo.InvariantCulture)));
}

public sealed class SqliteDecimalExactnessTests(SqliteTarget target) : DecimalExactnessTests(target), IClassFixture<SqliteTarget>;

public sealed class PostgresDecimalExactnessTests(PostgresTarget target) : DecimalExactnessTests(target), IClassFixture<PostgresTarget>;
