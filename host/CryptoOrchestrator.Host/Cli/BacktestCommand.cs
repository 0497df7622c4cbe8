using System.CommandLine;
using CryptoOrchestrator.Engine.Execution;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>The <c>backtest</c> command: options in, a <see cref="BacktestSettings"/> to <see cref="BacktestJob"/>.</summary>
internal static class BacktestCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var defaults = new BacktestSettings();
        var strategy = new Option<string>("--strategy", "-s") { Description = "Strategy plugin id.", DefaultValueFactory = _ => defaults.Strategy };
        var data = new Option<string>("--data", "-d") { Description = "OHLCV or Binance kline CSV, or a .cobars cache.", DefaultValueFactory = _ => defaults.Data };
        var symbol = new Option<string?>("--symbol") { Description = "Instrument symbol; taken from the file name (BTCUSDT-1h.csv → BTCUSDT) when omitted." };
        var cash = new Option<decimal>("--cash") { Description = "Starting cash in the quote asset.", DefaultValueFactory = _ => defaults.Cash };
        var commission = new Option<decimal>("--commission") { Description = "Taker fee as a fraction of notional (0.001 = 0.1 %).", DefaultValueFactory = _ => defaults.Commission };
        var maker = new Option<decimal?>("--maker-commission") { Description = "Maker fee fraction; the taker fee when omitted." };
        var fixedFee = new Option<decimal>("--fixed-fee") { Description = "Fixed fee per order in the quote asset." };
        var fill = new Option<string>("--fill") { Description = "When market orders fill.", DefaultValueFactory = _ => defaults.Fill };
        fill.AcceptOnlyFromAmong("next-open", "close");
        var sizing = new Option<string>("--sizing") { Description = SizingSpec.Help, DefaultValueFactory = _ => defaults.Sizing };
        var slippage = new Option<string>("--slippage") { Description = SlippageSpec.Help, DefaultValueFactory = _ => defaults.Slippage };
        var mode = new Option<string>("--mode") { Description = "netting: orders net against the position; exclusive: a new entry closes the open position first.", DefaultValueFactory = _ => defaults.Mode };
        mode.AcceptOnlyFromAmong("netting", "exclusive");
        var execution = new Option<string>("--execution") { Description = $"How sized orders are worked: {ExecutionChoice.Help}.", DefaultValueFactory = _ => defaults.Execution };
        var parameters = new Option<string[]>("--param", "-p") { Description = "Strategy parameter as name=value; repeatable." };
        var seed = new Option<int>("--seed") { Description = "Seed of every plugin's random source.", DefaultValueFactory = _ => defaults.Seed };
        var gaps = new Option<string>("--gaps") { Description = "Missing bars: warn, fill (flat bars) or error.", DefaultValueFactory = _ => defaults.Gaps };
        gaps.AcceptOnlyFromAmong("warn", "fill", "error");
        var outDir = new Option<string?>("--out", "-o") { Description = "Folder for results.json, trades.csv and equity.csv (default: results/<strategy>)." };
        var plugins = new Option<string>("--plugins") { Description = "Folder of installed plugins.", DefaultValueFactory = _ => defaults.PluginsDirectory };
        var state = PluginsCommand.StateOption();
        var tick = new Option<decimal?>("--tick-size") { Description = "Instrument tick size (default 0.00000001)." };
        var lot = new Option<decimal?>("--lot-size") { Description = "Instrument lot size (default 0.00000001)." };
        var minNotional = new Option<decimal>("--min-notional") { Description = "Smallest order value in the quote asset." };

        var command = new Command("backtest", "Backtests a strategy plugin on historical candles and writes its results.")
        {
            strategy, data, symbol, cash, commission, maker, fixedFee, fill, sizing, slippage, mode, execution, parameters, seed, gaps, outDir, plugins, state, tick, lot, minNotional,
        };
        command.SetAction(parse => new BacktestJob(output, errors).Run(new BacktestSettings
        {
            Strategy = parse.GetValue(strategy)!,
            Data = parse.GetValue(data)!,
            Symbol = parse.GetValue(symbol),
            Cash = parse.GetValue(cash),
            Commission = parse.GetValue(commission),
            MakerCommission = parse.GetValue(maker),
            FixedFee = parse.GetValue(fixedFee),
            Fill = parse.GetValue(fill)!,
            Sizing = parse.GetValue(sizing)!,
            Slippage = parse.GetValue(slippage)!,
            Mode = parse.GetValue(mode)!,
            Execution = parse.GetValue(execution)!,
            Parameters = parse.GetValue(parameters) ?? [],
            Seed = parse.GetValue(seed),
            Gaps = parse.GetValue(gaps)!,
            Out = parse.GetValue(outDir),
            PluginsDirectory = parse.GetValue(plugins)!,
            StateFile = parse.GetValue(state),
            TickSize = parse.GetValue(tick),
            LotSize = parse.GetValue(lot),
            MinNotional = parse.GetValue(minNotional),
        }));
        return command;
    }
}
