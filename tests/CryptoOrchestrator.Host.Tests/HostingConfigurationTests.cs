using CryptoOrchestrator.Host.Hosting;
using Microsoft.Extensions.Configuration;

namespace CryptoOrchestrator.Host.Tests;

public class HostingConfigurationTests
{
    [Theory]
    [InlineData(0, "id", "Bots:0:Id")]
    [InlineData(2, "strategies[1].pluginId", "Bots:2:Strategies:1:PluginId")]
    [InlineData(1, "strategies[0].parameters.fail-at", "Bots:1:Strategies:0:Parameters:fail-at")]
    [InlineData(0, "feed.files[3]", "Bots:0:Feed:Files:3")]
    [InlineData(0, "paper.makerCommission", "Bots:0:Paper:MakerCommission")]
    public void BotField_IsNamedByItsConfigurationKey(int bot, string field, string key)
    {
        Assert.Equal(key, ConfigurationKey.OfBotField(bot, field));
    }

    [Fact]
    public void UnknownKeys_AreFoundAtAnyDepth_WhileParameterNamesAndListIndexesAreFree()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bots:0:Id"] = "a",
            ["Bots:0:Strategies:0:PluginId"] = "momentum",
            ["Bots:0:Strategies:0:Parameters:any-name-at-all"] = "1",
            ["Bots:0:Feed:Sped"] = "max",
            ["Bots:0:Instruments:0"] = "BTCUSDT",
            ["Bots:0:Instruments:first"] = "ETHUSDT",
            ["Bots:0:Sizing:Kind"] = "fixed",
        }).Build();

        var unknown = UnknownKeys.In(configuration.GetSection("Bots"), typeof(List<Runtime.Bots.BotDefinition>)).ToList();

        Assert.Equal(3, unknown.Count);
        Assert.Contains(unknown, problem => problem.StartsWith("Bots:0:Feed:Sped: there is no such setting (known: Kind, Speed,", StringComparison.Ordinal));
        Assert.Contains("Bots:0:Instruments:first: is not an index; Bots:0:Instruments is a list", unknown);
        Assert.Contains("Bots:0:Sizing: is a single value, not a section", unknown);
    }
}
