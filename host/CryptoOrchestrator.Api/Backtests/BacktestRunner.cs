using System.Collections.Concurrent;
using CryptoOrchestrator.Engine.Backtesting;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Api.Backtests;

/// <summary>
/// Runs submitted backtests in the background on the engine's <see cref="Backtest"/>, at most
/// <c>Api:Backtests:MaxConcurrent</c> at once, keeping the latest <c>Retained</c> for their results; those
/// still running when the host stops are cancelled. A request is checked when submitted, naming each field at fault.
/// </summary>
public sealed partial class BacktestRunner(PluginHost plugins, BacktestRunnerOptions options, TimeProvider time, ILogger<BacktestRunner> log)
    : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrent, options.MaxConcurrent);
    private readonly ConcurrentDictionary<string, BacktestJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;

    /// <summary>Checks and queues a backtest; the errors name each field at fault (and nothing is queued).</summary>
    public (BacktestJob? Job, IDictionary<string, string[]> Errors) Submit(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var plan = Plan(request, errors);
        if (plan is null)
        {
            return (null, errors);
        }

        var job = new BacktestJob(Guid.NewGuid().ToString("N"), request, time.GetUtcNow());
        _jobs[job.Id] = job;
        _order.Enqueue(job.Id);
        Forget();
        var run = Task.Run(() => RunAsync(job, plan));
        _running[run] = true;
        run.ContinueWith(done => _running.TryRemove(done, out _), TaskScheduler.Default);
        return (job, errors);
    }

    /// <summary>The backtest with this id, if it is still kept.</summary>
    public BacktestJob? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cancels what is queued or running and waits for it to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Registered both as itself and as a hosted service, it is disposed twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private Func<(PipelineSetup Setup, BarSeries Series)>? Plan(BacktestRequest request, Dictionary<string, string[]> errors)
    {
        var descriptor = plugins.ActivePlugins.FirstOrDefault(p => p.Id == request.PluginId);
        if (descriptor is null || descriptor.Kind != PluginKind.Strategy)
        {
            errors["pluginId"] = [$"'{request.PluginId}' is not an installed, active strategy"];
        }

        IReadOnlyDictionary<string, string> values = request.Parameters ?? new Dictionary<string, string>();
        if (descriptor is { Kind: PluginKind.Strategy })
        {
            try
            {
                _ = new ParameterSet(descriptor.Metadata, values);
            }
            catch (PluginConfigurationException e)
            {
                errors[e.ParameterName is { } name ? $"parameters.{name}" : "parameters"] = [e.Message];
            }
        }

        try
        {
            _ = SizingSpec.Parse(request.Sizing);
        }
        catch (FormatException e)
        {
            errors["sizing"] = [e.Message];
        }

        if (request.InitialCash <= 0)
        {
            errors["initialCash"] = ["must be positive"];
        }

        var file = CheckSource(request, errors);
        var symbol = request.Symbol ?? (file is null ? "BTCUSDT" : CsvBarReader.InstrumentFromFileName(file).Symbol);
        Instrument? instrument = null;
        try
        {
            instrument = Instrument.Spot(symbol);
        }
        catch (ArgumentException e)
        {
            errors["symbol"] = [e.Message];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return () =>
        {
            var strategy = (IStrategy)descriptor!.Create();
            var series = file is not null
                ? BarSeriesLoader.Load(file, new CsvReadOptions { Instrument = instrument })
                : SyntheticBarGenerator.Generate(instrument!, new SyntheticBarOptions
                {
                    Count = request.Synthetic!.Bars,
                    Seed = request.Synthetic.Seed,
                    IntervalMs = request.Synthetic.IntervalMs,
                    StartPrice = Price.FromDecimal(request.Synthetic.StartPrice),
                });
            var setup = new PipelineSetup
            {
                Strategies = [new StrategyRegistration(strategy, new ParameterSet(strategy.Metadata, values))],
                Sizer = SizingSpec.Parse(request.Sizing),
                Exchange = new SimulatedExchangeOptions { FillTiming = request.FillAtClose ? FillTiming.SignalClose : FillTiming.NextOpen },
                InitialCash = request.InitialCash,
            };
            return (setup, series);
        };
    }

    /// <summary>The full path of the request's file inside the data folder, or null for a synthetic series.</summary>
    private string? CheckSource(BacktestRequest request, Dictionary<string, string[]> errors)
    {
        if ((request.File is null) == (request.Synthetic is null))
        {
            errors["file"] = ["give either file (a CSV in the data folder) or synthetic, not both or neither"];
            return null;
        }

        if (request.Synthetic is { } synthetic)
        {
            if (synthetic.Bars is < 2 or > 10_000_000)
            {
                errors["synthetic.bars"] = ["must be between 2 and 10000000"];
            }

            if (synthetic.IntervalMs < 1)
            {
                errors["synthetic.intervalMs"] = ["must be positive"];
            }

            if (synthetic.StartPrice <= 0)
            {
                errors["synthetic.startPrice"] = ["must be positive"];
            }

            return null;
        }

        var root = Path.GetFullPath(options.DataDirectory) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(request.File!, root);
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            errors["file"] = ["must be a path inside the data folder"];
        }
        else if (!File.Exists(path))
        {
            errors["file"] = [$"'{request.File}' is not a file in the data folder"];
        }

        return path;
    }

    private async Task RunAsync(BacktestJob job, Func<(PipelineSetup Setup, BarSeries Series)> plan)
    {
        var cancellation = _stopping.Token;
        try
        {
            await _slots.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            job.State = BacktestState.Cancelled;
            return;
        }

        try
        {
            job.State = BacktestState.Running;
            var (setup, series) = plan();
            job.Result = Backtest.Run(setup, [series], job, cancellation: cancellation);
            job.Report(1);
            job.State = BacktestState.Completed;
        }
        catch (OperationCanceledException)
        {
            job.State = BacktestState.Cancelled;
        }
        catch (Exception e)
        {
            job.Error = $"{e.GetType().Name}: {e.Message}";
            job.State = BacktestState.Failed;
            LogFailed(log, job.Id, job.Error);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Forgets the oldest finished backtests beyond the number kept.</summary>
    private void Forget()
    {
        while (_jobs.Count > options.Retained && _order.TryPeek(out var oldest)
               && _jobs.TryGetValue(oldest, out var job) && job.State is not (BacktestState.Queued or BacktestState.Running))
        {
            _order.TryDequeue(out _);
            _jobs.TryRemove(oldest, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backtest {Id} failed: {Error}")]
    private static partial void LogFailed(ILogger log, string id, string error);
}
