using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

public sealed class BotDefinitionValidationTests : IAsyncLifetime
{
    private readonly BotFixture _bots = new();

    private BotManager Manager => _bots.Manager;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bots.DisposeAsync();

    [Fact]
    public void UnknownStrategy_IsNamedByItsField_ListingTheInstalledOnes()
    {
        var definition = BotFixture.Counting("b") with
        {
            Strategies = [new StrategyDefinition { PluginId = "counting" }, new StrategyDefinition { PluginId = "x" }],
        };

        var refusal = Assert.Throws<BotDefinitionException>(() => Manager.Create(definition));

        var error = Assert.Single(refusal.Errors);
        Assert.Equal("strategies[1].pluginId", error.Field);
        Assert.Equal("no strategy 'x' is installed (active strategies: counting, faulty)", error.Message);
        Assert.Equal("Bot 'b' is invalid: strategies[1].pluginId: no strategy 'x' is installed (active strategies: counting, faulty)", refusal.Message);
        Assert.Empty(Manager.List());
    }

    [Fact]
    public void LiveMode_IsRefused_AsNotAvailableYet()
    {
        var refusal = Assert.Throws<BotDefinitionException>(() => Manager.Create(BotFixture.Counting("b") with { Mode = BotMode.Live }));

        Assert.Equal(new BotDefinitionError("mode", "live trading is not available yet; use Paper"), Assert.Single(refusal.Errors));
    }

    [Fact]
    public void EveryFieldAtFault_IsListed_InOneRefusal()
    {
        var definition = new BotDefinition
        {
            Id = "no spaces allowed",
            Strategies = [new StrategyDefinition { PluginId = "faulty", Weight = 0, Parameters = new Dictionary<string, string> { ["fail-at"] = "0" } }],
            Instruments = ["BTCUSDT", "BTCUSDT"],
            Sizing = "lots",
            Risk = new RiskDefinition { MaxPosition = -1m },
            InitialCash = 0m,
            Paper = new PaperExchangeDefinition { Commission = 2m, Slippage = "bps", Fill = "tomorrow" },
            Feed = new FeedDefinition { Speed = "fast", Interval = "1 minute" },
        };

        var fields = Manager.Validate(definition).Select(e => e.Field);

        Assert.Equal(
            [
                "id", "strategies[0].weight", "strategies[0].parameters.fail-at", "instruments[1]", "risk.maxPosition", "sizing",
                "initialCash", "paper.commission", "paper.makerCommission", "paper.slippage", "paper.fill", "feed.speed",
            ],
            fields);
    }

    [Theory]
    [InlineData("0.5m", "feed.interval")]
    [InlineData("-1m", "feed.interval")]
    [InlineData("1w", "feed.interval")]
    public void SyntheticFeedInterval_ThatIsNotOne_IsNamed(string interval, string field)
    {
        var errors = Manager.Validate(BotFixture.Counting("b") with { Feed = new FeedDefinition { Interval = interval } });

        Assert.Equal(field, Assert.Single(errors).Field);
        Assert.Contains($"'{interval}' is not an interval", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayFile_OfAnotherInstrument_OrMissing_IsNamedByItsIndex()
    {
        var definition = BotFixture.Counting("b") with
        {
            Instruments = ["BTCUSDT", "ETHUSDT"],
            Feed = new FeedDefinition { Kind = FeedKind.Replay, Files = ["BTCUSDT-1m.csv", "SOLUSDT-1m.csv", "ETHUSDT-5m.csv"] },
        };

        var errors = Manager.Validate(definition);

        Assert.Equal(["feed.files[1]", "feed.files[2]"], errors.Select(e => e.Field));
        Assert.Equal("holds SOLUSDT (from its name), which is not one of the bot's instruments (BTCUSDT, ETHUSDT)", errors[0].Message);
        Assert.Contains("ETHUSDT-5m.csv' does not exist", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayWithoutAFileForEveryInstrument_IsRefused()
    {
        var definition = BotFixture.Counting("b") with
        {
            Instruments = ["BTCUSDT", "ETHUSDT"],
            Feed = new FeedDefinition { Kind = FeedKind.Replay, Files = ["BTCUSDT-1m.csv"] },
        };

        Assert.Equal(new BotDefinitionError("feed.files", "no file for ETHUSDT"), Assert.Single(Manager.Validate(definition)));
    }

    [Fact]
    public void ReplayFilesOfDifferentIntervals_AreRefused()
    {
        var definition = BotFixture.Counting("b") with
        {
            Instruments = ["BTCUSDT", "ETHUSDT"],
            Feed = new FeedDefinition { Kind = FeedKind.Replay, Files = ["BTCUSDT-1h-binancevision.csv", "ETHUSDT-1m.csv"] },
        };

        var error = Assert.Single(Manager.Validate(definition));

        Assert.Equal("feed.files[1]", error.Field);
        Assert.Equal("has bars 60000 ms apart where the first file's are 3600000 ms apart; a replay plays one interval", error.Message);
    }

    [Fact]
    public void SecondBotWithAnExistingId_IsRefused()
    {
        Manager.Create(BotFixture.Counting("twin"));

        var refusal = Assert.Throws<BotDefinitionException>(() => Manager.Create(BotFixture.Counting("twin")));

        Assert.Equal(new BotDefinitionError("id", "a bot 'twin' already exists"), Assert.Single(refusal.Errors));
    }

    [Fact]
    public void DisabledStrategy_IsRefused_WithItsStatusAndReason()
    {
        _bots.Plugins.Status.Disable("counting", "under review");

        var errors = Manager.Validate(BotFixture.Counting("b"));

        Assert.Equal(new BotDefinitionError("strategies[0].pluginId", "strategy 'counting' is Disabled: under review"), Assert.Single(errors));
    }

    [Fact]
    public void ValidDefinition_HasNoErrors()
    {
        Assert.Empty(Manager.Validate(BotFixture.Counting("fine")));
    }
}
