using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>A checked definition with everything parsed and loaded: what each start of the bot is built from.</summary>
internal sealed class BotRecipe(
    BotDefinition definition,
    IReadOnlyList<Instrument> instruments,
    IMarketFeed feed,
    SimulatedExchangeOptions exchange)
{
    public BotDefinition Definition => definition;

    public IReadOnlyList<Instrument> Instruments => instruments;

    public IMarketFeed Feed => feed;

    /// <summary>
    /// The options of one run. Sizer and risk rules are made anew each time: they may keep state, and a run
    /// starts from the definition, not from the last run's leftovers.
    /// </summary>
    public BotOptions CreateOptions(ILoggerFactory loggerFactory, int inputCapacity) => new()
    {
        Name = definition.Id,
        Strategies = [.. definition.Strategies.Select(s => new BotStrategy(s.PluginId, s.Parameters) { Weight = s.Weight })],
        Instruments = instruments,
        FaultPolicy = definition.FaultPolicy,
        InputCapacity = inputCapacity,
        Pipeline = new PipelineSetup
        {
            Strategies = [],
            Sizer = SizingSpec.Parse(definition.Sizing),
            RiskRules = RiskRules(),
            Exchange = exchange,
            InitialCash = definition.InitialCash,
            Seed = definition.Seed,
            LoggerFactory = loggerFactory,
        },
    };

    private IRiskRule[] RiskRules() =>
        definition.Risk.MaxPosition is { } cap ? [new MaxPositionRule(Quantity.FromDecimal(cap))] : [];
}
