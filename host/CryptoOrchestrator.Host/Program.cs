using System.CommandLine;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Host.Cli;
using CryptoOrchestrator.Host.Hosting;
using CryptoOrchestrator.Plugins;
using CryptoOrchestrator.Plugins.Status;

// With no arguments the executable runs the default backtest: the embedded-default main job.
var arguments = args.Length == 0 ? ["backtest"] : args;
var root = new RootCommand("CryptoOrchestrator: backtest and run plugin trading strategies.")
{
    BacktestCommand.Create(Console.Out, Console.Error),
    BenchCommand.Create(Console.Out, Console.Error),
    PluginsCommand.Create(Console.Out),
    RunCommand.Create(Console.Error),
};

try
{
    return root.Parse(arguments).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (ex is UsageException or MarketDataFormatException or PluginConfigurationException
    or PluginNotFoundException or PluginStatusFileException or PluginFaultException or FileNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return ex is UsageException ? 2 : 1;
}
