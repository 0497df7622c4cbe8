using CryptoOrchestrator.Engine.Backtesting;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Host.Output;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>Runs one backtest as the settings say: load plugin and data, run, write files, print the summary.</summary>
internal sealed class BacktestJob(TextWriter output, TextWriter errors)
{
    public int Run(BacktestSettings settings)
    {
        var status = PluginsCommand.OpenStatus(settings.StateFile, settings.PluginsDirectory);
        var catalog = PluginCatalog.Discover(settings.PluginsDirectory, new PluginCatalogOptions { StatusStore = status });
        foreach (var problem in catalog.Problems)
        {
            errors.WriteLine($"warning: {problem}");
        }

        var strategy = catalog.CreateStrategy(settings.Strategy);
        var parameters = new ParameterSet(strategy.Metadata, settings.Parameters);
        var instrument = ResolveInstrument(settings);
        var readOptions = new CsvReadOptions { Instrument = instrument, Gaps = Enum.Parse<GapPolicy>(settings.Gaps, ignoreCase: true) };
        var series = BarSeriesLoader.Load(settings.Data, readOptions);
        ReportWarnings(series);

        var fillTiming = settings.Fill == "close" ? FillTiming.SignalClose : FillTiming.NextOpen;
        var commission = new CommissionSchedule(settings.MakerCommission ?? settings.Commission, settings.Commission, settings.FixedFee);
        var setup = new PipelineSetup
        {
            Strategies = [new StrategyRegistration(strategy, parameters)],
            Sizer = SizingSpec.Parse(settings.Sizing),
            Exchange = new SimulatedExchangeOptions { FillTiming = fillTiming, Commission = commission, Slippage = SlippageSpec.Parse(settings.Slippage) },
            InitialCash = settings.Cash,
            PositionMode = settings.Mode == "exclusive" ? PositionMode.Exclusive : PositionMode.Netting,
            Execution = ParseExecution(settings.Execution),
            Seed = settings.Seed,
        };

        BacktestResult result;
        using (var progress = new ConsoleProgress("backtest", errors, TimeProvider.System))
        {
            result = Backtest.Run(setup, [series], progress);
        }

        var outDir = settings.Out ?? Path.Combine("results", settings.Strategy);
        var run = new RunDescription(
            strategy.Metadata.Id,
            strategy.Metadata.Version,
            parameters.EffectiveValues,
            Path.GetFullPath(settings.Data),
            instrument.Symbol,
            settings.Cash,
            settings.Fill,
            settings.Sizing,
            settings.Slippage,
            commission.TakerRate,
            commission.MakerRate,
            commission.FixedPerOrder,
            settings.Mode,
            settings.Seed,
            settings.Execution);
        ResultsWriter.Write(outDir, run, result);
        output.WriteLine(Summary.Build(run, result, outDir));
        return 0;
    }

    /// <summary>The first few data warnings in full, then a count: a long list would bury the summary.</summary>
    private void ReportWarnings(BarSeries series)
    {
        const int shown = 3;
        foreach (var warning in series.Warnings.Take(shown))
        {
            errors.WriteLine($"warning: {warning.FilePath}:{warning.Line}: {warning.Message}");
        }

        if (series.Warnings.Count > shown)
        {
            errors.WriteLine($"warning: {series.Warnings.Count - shown} more data warning(s) not shown; --gaps fill inserts flat bars, --gaps error refuses the file.");
        }
    }

    private static Func<Sdk.Plugins.IExecutionAlgorithm>? ParseExecution(string text)
    {
        try
        {
            return ExecutionChoice.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--execution: {ex.Message}");
        }
    }

    private static Instrument ResolveInstrument(BacktestSettings settings)
    {
        var symbol = settings.Symbol ?? CsvBarReader.InstrumentFromFileName(settings.Data).Symbol;
        var spot = Instrument.Spot(symbol);
        try
        {
            return new Instrument(
                spot.Symbol,
                spot.BaseAsset,
                spot.QuoteAsset,
                settings.TickSize is { } tick ? Price.FromDecimal(tick) : spot.TickSize,
                settings.LotSize is { } lot ? Quantity.FromDecimal(lot) : spot.LotSize,
                settings.MinNotional);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--tick-size/--lot-size/--min-notional: {ex.Message}");
        }
    }
}
