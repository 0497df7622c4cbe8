using System.Globalization;
using System.Text.RegularExpressions;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// Checks a bot definition field by field against the installed plugins and the files it names, and
/// builds its <see cref="BotRecipe"/>; every fault is collected, so one refusal lists them all.
/// </summary>
internal sealed partial class BotDefinitionValidator(PluginHost plugins, BotManagerOptions options)
{
    private readonly List<BotDefinitionError> _errors = [];

    /// <summary>The recipe of <paramref name="definition"/>, or a <see cref="BotDefinitionException"/> naming every field at fault.</summary>
    public BotRecipe Check(BotDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _errors.Clear();
        if (!BotId().IsMatch(definition.Id ?? ""))
        {
            Fail("id", $"'{definition.Id}' is not a bot id: 1 to 64 letters, digits, '-' or '_'");
        }

        CheckStrategies(definition.Strategies ?? []);
        var instruments = CheckInstruments(definition.Instruments ?? []);
        Require(!string.IsNullOrWhiteSpace(definition.ExchangeAccount), "exchangeAccount", "is required (a paper bot only records the name)");
        if (definition.Risk?.MaxPosition is { } cap && !(cap > 0 && Fits(cap)))
        {
            Fail("risk.maxPosition", $"{cap} is not a position cap: a quantity above 0 with at most 8 decimals");
        }

        Parse("sizing", () => SizingSpec.Parse(definition.Sizing ?? ""));
        Require(definition.Mode != BotMode.Live, "mode", "live trading is not available yet; use Paper");
        Require(Enum.IsDefined(definition.Mode), "mode", $"'{definition.Mode}' is not a mode: Paper");
        Require(definition.InitialCash > 0, "initialCash", $"{definition.InitialCash} is not a starting balance above 0");
        Require(Enum.IsDefined(definition.FaultPolicy), "faultPolicy", $"'{definition.FaultPolicy}' is not one of: Halt, ContinueWithout");
        var exchange = CheckPaper(definition.Paper ?? new PaperExchangeDefinition());
        var feed = CheckFeed(definition.Feed ?? new FeedDefinition(), instruments);
        if (_errors.Count > 0)
        {
            throw new BotDefinitionException(definition.Id ?? "", [.. _errors]);
        }

        return new BotRecipe(definition, instruments, feed!, exchange!);
    }

    private void CheckStrategies(IReadOnlyList<StrategyDefinition> strategies)
    {
        Require(strategies.Count > 0, "strategies", "at least one strategy is needed");
        var active = plugins.ActivePlugins.ToDictionary(p => p.Id, StringComparer.Ordinal);
        for (var i = 0; i < strategies.Count; i++)
        {
            var field = $"strategies[{i}]";
            var strategy = strategies[i];
            if (strategy is null)
            {
                Fail(field, "is empty");
                continue;
            }

            if (!(double.IsFinite(strategy.Weight) && strategy.Weight > 0))
            {
                Fail($"{field}.weight", $"{strategy.Weight.ToString(CultureInfo.InvariantCulture)} is not a weight: a finite number above 0");
            }

            if (strategies.Take(i).Any(other => other?.PluginId == strategy.PluginId))
            {
                Fail($"{field}.pluginId", $"strategy '{strategy.PluginId}' is already in the bot");
                continue;
            }

            if (Plugin(strategy.PluginId ?? "", active, $"{field}.pluginId") is { } plugin)
            {
                CheckParameters(plugin, strategy.Parameters ?? new Dictionary<string, string>(), $"{field}.parameters");
            }
        }
    }

    private PluginDescriptor? Plugin(string id, Dictionary<string, PluginDescriptor> active, string field)
    {
        var record = plugins.Status.Find(id);
        // As the host decides at start: an operator's or the watchdog's verdict outranks a loaded version.
        if (record?.Status is PluginStatus.Disabled or PluginStatus.Malfunctioned || (record is not null && !active.ContainsKey(id)))
        {
            Fail(field, $"strategy '{id}' is {record.Status}: {record.Reason}");
            return null;
        }

        if (active.TryGetValue(id, out var plugin))
        {
            if (plugin.Kind == PluginKind.Strategy)
            {
                return plugin;
            }

            Fail(field, $"'{id}' is a {plugin.Kind} plugin, not a strategy");
            return null;
        }

        Fail(field, $"no strategy '{id}' is installed (active strategies: {Listing(active.Values.Where(p => p.Kind == PluginKind.Strategy).Select(p => p.Id))})");
        return null;
    }

    private void CheckParameters(PluginDescriptor plugin, IReadOnlyDictionary<string, string> parameters, string field)
    {
        try
        {
            _ = new ParameterSet(plugin.Metadata, parameters);
        }
        catch (PluginConfigurationException e)
        {
            Fail(e.ParameterName is null ? field : $"{field}.{e.ParameterName}", e.Message);
        }
    }

    private Instrument[] CheckInstruments(IReadOnlyList<string> symbols)
    {
        Require(symbols.Count > 0, "instruments", "at least one symbol is needed (e.g. BTCUSDT)");
        var instruments = new List<Instrument>();
        for (var i = 0; i < symbols.Count; i++)
        {
            var symbol = symbols[i];
            if (string.IsNullOrWhiteSpace(symbol) || symbol.Any(char.IsWhiteSpace))
            {
                Fail($"instruments[{i}]", $"'{symbol}' is not a symbol");
            }
            else if (instruments.Any(known => known.Symbol == symbol))
            {
                Fail($"instruments[{i}]", $"{symbol} is listed twice");
            }
            else
            {
                instruments.Add(Instrument.Spot(symbol));
            }
        }

        return [.. instruments];
    }

    private SimulatedExchangeOptions? CheckPaper(PaperExchangeDefinition paper)
    {
        var taker = Rate(paper.Commission, "paper.commission");
        var maker = Rate(paper.MakerCommission ?? paper.Commission, "paper.makerCommission");
        Require(paper.FixedFee >= 0, "paper.fixedFee", $"{paper.FixedFee} is not a fee: 0 or more");
        var slippage = Parse("paper.slippage", () => SlippageSpec.Parse(paper.Slippage ?? ""));
        FillTiming? timing = paper.Fill switch
        {
            "next-open" => FillTiming.NextOpen,
            "close" => FillTiming.SignalClose,
            _ => null,
        };
        Require(timing is not null, "paper.fill", $"'{paper.Fill}' is not one of: next-open, close");
        if (taker is null || maker is null || slippage is null || timing is null || paper.FixedFee < 0)
        {
            return null;
        }

        return new SimulatedExchangeOptions
        {
            Commission = new CommissionSchedule(maker.Value, taker.Value, paper.FixedFee),
            Slippage = slippage,
            FillTiming = timing.Value,
        };
    }

    private decimal? Rate(decimal rate, string field)
    {
        Require(rate is > -1m and < 1m, field, $"{rate} is not a fee rate: a fraction of the notional between -1 and 1 (0.001 = 0.1 %)");
        return rate is > -1m and < 1m ? rate : null;
    }

    private IMarketFeed? CheckFeed(FeedDefinition feed, Instrument[] instruments)
    {
        var speed = Parse("feed.speed", () => (FeedSpeed?)FeedSpeed.Parse(feed.Speed ?? ""));
        Require(Enum.IsDefined(feed.Kind), "feed.kind", $"'{feed.Kind}' is not one of: Synthetic, Replay");
        if (speed is null || instruments.Length == 0)
        {
            return null;
        }

        return feed.Kind switch
        {
            FeedKind.Replay => CheckReplay(feed, speed.Value, instruments),
            FeedKind.Synthetic => CheckSynthetic(feed, speed.Value, instruments),
            _ => null,
        };
    }

    private ReplayFeed? CheckReplay(FeedDefinition feed, FeedSpeed speed, Instrument[] instruments)
    {
        var files = feed.Files ?? [];
        Require(files.Count > 0, "feed.files", "a replay needs a bar file per instrument (e.g. data/BTCUSDT-1m.csv)");
        var series = new List<BarSeries>();
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var field = $"feed.files[{i}]";
            if (string.IsNullOrWhiteSpace(files[i]))
            {
                Fail(field, "is empty");
                continue;
            }

            var path = Path.GetFullPath(files[i], options.BaseDirectory);
            var symbol = Parse(field, () => CsvBarReader.InstrumentFromFileName(path).Symbol);
            if (symbol is null)
            {
                continue;
            }

            var instrument = instruments.FirstOrDefault(known => known.Symbol == symbol);

            if (instrument is null)
            {
                Fail(field, $"holds {symbol} (from its name), which is not one of the bot's instruments ({Listing(instruments.Select(x => x.Symbol))})");
            }
            else if (!named.Add(symbol))
            {
                Fail(field, $"is a second file for {symbol}");
            }
            else if (Parse(field, () => BarSeriesLoader.Load(path, new CsvReadOptions { Instrument = instrument, Gaps = feed.Gaps, CacheDirectory = options.BarCacheDirectory })) is { } loaded)
            {
                // Bars of several instruments are processed in steps that open together: one interval for all.
                if (series.Count > 0 && loaded.IntervalMs != series[0].IntervalMs)
                {
                    Fail(field, $"has bars {loaded.IntervalMs} ms apart where the first file's are {series[0].IntervalMs} ms apart; a replay plays one interval");
                }

                series.Add(loaded);
            }
        }

        foreach (var missing in instruments.Where(instrument => files.Count > 0 && !named.Contains(instrument.Symbol)))
        {
            Fail("feed.files", $"no file for {missing.Symbol}");
        }

        return _errors.Count == 0 ? new ReplayFeed(series, speed, options.TimeProvider) : null;
    }

    private SyntheticFeed? CheckSynthetic(FeedDefinition feed, FeedSpeed speed, Instrument[] instruments)
    {
        var interval = IntervalText.TryParseMs(feed.Interval);
        Require(interval is not null, "feed.interval", $"'{feed.Interval}' is not an interval: {IntervalText.Syntax}");
        Require(feed.Bars is null or >= 0, "feed.bars", $"{feed.Bars} is not a number of bars: 0 or more, or none for a market that never closes");
        Require(feed.StartPrice > 0 && Fits(feed.StartPrice), "feed.startPrice", $"{feed.StartPrice} is not a price above 0 with at most 8 decimals");
        Require(feed.StartTime is null or >= 0, "feed.startTime", $"{feed.StartTime} is not a Unix time in milliseconds");
        if (_errors.Count > 0)
        {
            return null;
        }

        var synthetic = new SyntheticFeedOptions
        {
            Seed = feed.Seed,
            IntervalMs = interval!.Value,
            Bars = feed.Bars,
            Speed = speed,
            StartPrice = Price.FromDecimal(feed.StartPrice),
            StartTime = feed.StartTime ?? new SyntheticFeedOptions().StartTime,
        };
        return Parse("feed", () => new SyntheticFeed(instruments, synthetic, options.TimeProvider));
    }

    /// <summary>Runs a parse; its failure (format, range, file, data) becomes an error of <paramref name="field"/>.</summary>
    private T? Parse<T>(string field, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or IOException
            or UnauthorizedAccessException or MarketDataFormatException)
        {
            Fail(field, e.Message);
            return default;
        }
    }

    private void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Fail(field, message);
        }
    }

    private void Fail(string field, string message) => _errors.Add(new BotDefinitionError(field, message));

    private static bool Fits(decimal value) => decimal.Round(value, 8) == value && value < 92_233_720_368m;

    private static string Listing(IEnumerable<string> names)
    {
        var list = string.Join(", ", names.Order(StringComparer.Ordinal));
        return list.Length == 0 ? "none" : list;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BotId();
}
