using System.CommandLine;
using System.Globalization;
using CryptoOrchestrator.Host.Bench;
using CryptoOrchestrator.Host.Output;

namespace CryptoOrchestrator.Host.Cli;

/// <summary>
/// The <c>bench api</c> command: the real host started in this process (Kestrel on loopback, SQLite store, the
/// in-process bus or Redis) serving GET /api/bots/{id}/positions to wrk, a child process on the same cores:
/// closed-loop throughput at a few connection counts, then latency at a fixed request rate with wrk's per-connection
/// pacing. With <c>--fanout N</c>, N WebSocket clients also stream the bot's events and the bench times each event
/// from publish to receipt. Each measurement is repeated <c>--runs</c> times; the table shows medians.
/// </summary>
internal static class ApiBenchCommand
{
    private const int PacingDelayMs = 10;

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var duration = new Option<int>("--duration") { Description = "Seconds per wrk run.", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { Description = "Repetitions of every measurement; the table shows medians.", DefaultValueFactory = _ => 3 };
        var connections = new Option<string>("--connections") { Description = "Comma-separated connection counts for the closed-loop runs.", DefaultValueFactory = _ => "8,32,128" };
        var threads = new Option<int>("--threads") { Description = "wrk threads.", DefaultValueFactory = _ => 2 };
        var rate = new Option<int>("--rate") { Description = "Requests per second for the paced run (0: none).", DefaultValueFactory = _ => 5_000 };
        var noHttp = new Option<bool>("--no-http") { Description = "Skip the wrk runs (for a fan-out run alone)." };
        var fanout = new Option<int>("--fanout") { Description = "WebSocket clients streaming the bot's events (0: no fan-out run).", DefaultValueFactory = _ => 0 };
        var events = new Option<int>("--events") { Description = "Events published per fan-out run.", DefaultValueFactory = _ => 200 };
        var eventRate = new Option<int>("--event-rate") { Description = "Events published per second in the fan-out run.", DefaultValueFactory = _ => 50 };
        var redis = new Option<string?>("--redis") { Description = "A Redis configuration string (host:port): the event bus runs over Redis instead of in process." };
        var callerCache = new Option<int?>("--caller-cache-ms") { Description = "The host's Api:CallerCacheMs (0: read the caller from the store on every request); the host's default when absent." };
        var bars = new Option<int>("--bars") { Description = "Bars the paper bot trades before the runs.", DefaultValueFactory = _ => 5_000 };
        var command = new Command("api", "Measures the HTTP API under wrk (GET a bot's positions) and, with --fanout, WebSocket event fan-out.")
        {
            duration, runs, connections, threads, rate, noHttp, fanout, events, eventRate, redis, callerCache, bars,
        };
        command.SetAction(parse => Run(new ApiBenchSettings(
            TimeSpan.FromSeconds(parse.GetValue(duration)), parse.GetValue(runs), ConnectionCounts(parse.GetValue(connections)!), parse.GetValue(threads),
            parse.GetValue(noHttp) ? 0 : parse.GetValue(rate), !parse.GetValue(noHttp),
            new FanoutLoad(parse.GetValue(fanout), parse.GetValue(events), parse.GetValue(eventRate)), parse.GetValue(redis), parse.GetValue(callerCache), parse.GetValue(bars)), output, errors));
        return command;
    }

    private static int Run(ApiBenchSettings settings, TextWriter output, TextWriter errors)
    {
        if (settings.Duration < TimeSpan.FromSeconds(1) || settings.Runs < 1 || settings.Threads < 1 || settings.Rate < 0 || settings.Bars < 100
            || settings.Fanout.Clients < 0 || settings.Fanout.Events < 1 || settings.Fanout.EventsPerSecond < 1)
        {
            throw new UsageException("--duration, --runs, --threads, --events and --event-rate must be at least 1, --bars at least 100, --rate and --fanout not negative.");
        }

        // Before anything starts: a missing wrk is the user's to fix, and says how.
        var wrk = settings.Http ? Wrk.Locate() : "";
        var root = Directory.CreateTempSubdirectory("orchestrator-api-bench-").FullName;
        try
        {
            errors.WriteLine($"bench api: load average before: {MachineLoad.Now()}");
            var table = RunAsync(settings, wrk, root, errors).GetAwaiter().GetResult();
            errors.WriteLine($"bench api: load average after: {MachineLoad.Now()}");
            output.WriteLine(table.ToString());
            return 0;
        }
        finally
        {
            BenchFolder.Delete(root);
        }
    }

    private static async Task<SummaryTable> RunAsync(ApiBenchSettings settings, string wrk, string root, TextWriter errors)
    {
        await using var host = await ApiBenchHost.StartAsync(Path.Combine(root, "host"), settings.Redis, settings.CallerCacheMs, settings.Bars, CancellationToken.None).ConfigureAwait(false);
        var bus = string.IsNullOrWhiteSpace(settings.Redis) ? "in-process bus" : "Redis bus";
        errors.WriteLine($"bench api: host on {host.Address} (SQLite store, {bus}, Api:CallerCacheMs {settings.CallerCacheMs?.ToString(CultureInfo.InvariantCulture) ?? "default"}); the paper bot traded {settings.Bars:N0} bars and holds {host.Positions} positions");
        var table = new SummaryTable($"HTTP API on loopback, GET /api/bots/{{id}}/positions with an API key ({host.Positions} positions); medians of {settings.Runs} runs");
        if (settings.Http)
        {
            MeasureHttp(settings, wrk, root, host, table, errors);
        }

        if (settings.Fanout.Clients > 0)
        {
            var fanouts = new List<FanoutResult>();
            for (var run = 1; run <= settings.Runs; run++)
            {
                var result = await FanoutBench.RunAsync(host, settings.Fanout, CancellationToken.None).ConfigureAwait(false);
                errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"bench api: fan-out run {run}: {result.Delivered:N0} of {result.Expected:N0} delivered, p50 {Ms(Percentiles.Of(result.Seconds, 0.5) * 1e3)}, p99 {Ms(Percentiles.Of(result.Seconds, 0.99) * 1e3)}, max {Ms(Percentiles.Of(result.Seconds, 1) * 1e3)}, {result.MessagesPerSecond:N0} messages/s"));
                fanouts.Add(result);
            }

            var label = $"fan-out, {settings.Fanout.Clients} WebSockets, {settings.Fanout.Events} events at {settings.Fanout.EventsPerSecond}/s ({bus})";
            table.Row($"{label}: p50 / p99 / max", $"{Ms(Median(fanouts, r => Percentiles.Of(r.Seconds, 0.5) * 1e3))} / {Ms(Median(fanouts, r => Percentiles.Of(r.Seconds, 0.99) * 1e3))} / {Ms(Median(fanouts, r => Percentiles.Of(r.Seconds, 1) * 1e3))}")
                .Row($"{label}: messages/s", Median(fanouts, r => r.MessagesPerSecond).ToString("N0", CultureInfo.InvariantCulture))
                .Row($"{label}: delivered", $"{fanouts.Sum(r => r.Delivered):N0} of {fanouts.Sum(r => r.Expected):N0}");
        }

        return table;
    }

    private static void MeasureHttp(ApiBenchSettings settings, string wrk, string root, ApiBenchHost host, SummaryTable table, TextWriter errors)
    {
        var script = Wrk.WriteScript(root);
        var url = new Uri(host.Address, $"/api/bots/{ApiBenchHost.BotId}/positions");
        WrkResult Once(WrkLoad load, string what)
        {
            var result = Wrk.Run(wrk, script, url, host.ApiKey, load);
            errors.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench api: {what}, {load.Threads} threads × {load.Connections} connections{(load.DelayMs > 0 ? $" × {load.DelayMs} ms pause" : "")}: {result.RequestsPerSecond:N0} requests/s, p50 {Ms(result.P50Ms)}, p95 {Ms(result.P95Ms)}, p99 {Ms(result.P99Ms)}, max {Ms(result.MaxMs)}, {result.Errors} errors, {result.Non2xx} non-2xx; load {MachineLoad.Now()}"));
            return result;
        }

        // The JIT's tiers and the store's caches settle before anything counts.
        Once(new WrkLoad(settings.Threads, Math.Max(settings.Threads, settings.ConnectionCounts[0]), TimeSpan.FromSeconds(Math.Min(5, settings.Duration.TotalSeconds)), 0), "warm-up");
        var paced = settings.Rate > 0 ? Calibrate(settings, load => Once(load, "calibration")) : null;
        var closed = settings.ConnectionCounts.ToDictionary(c => c, _ => new List<WrkResult>());
        var held = new List<WrkResult>();
        for (var run = 1; run <= settings.Runs; run++)
        {
            foreach (var connections in settings.ConnectionCounts)
            {
                closed[connections].Add(Once(new WrkLoad(settings.Threads, Math.Max(settings.Threads, connections), settings.Duration, 0), $"run {run}, closed loop"));
            }

            if (paced is not null)
            {
                held.Add(Once(paced, $"run {run}, paced at {settings.Rate}/s"));
            }
        }

        foreach (var (connections, results) in closed)
        {
            Rows(table, $"closed loop, {connections} connections", results);
        }

        if (paced is not null)
        {
            Rows(table, $"paced at {settings.Rate:N0}/s ({paced.Connections} connections × {paced.DelayMs} ms pause)", held);
        }

        table.Row("wrk", $"{settings.Threads} threads, {settings.Duration.TotalSeconds:F0} s per run, on the same 2 cores as the host");
    }

    /// <summary>
    /// The paced load: connections that each wait <see cref="PacingDelayMs"/> between requests, as many as make the
    /// rate when answers take no time, then scaled once by what a short run achieved (answers do take time).
    /// </summary>
    private static WrkLoad Calibrate(ApiBenchSettings settings, Func<WrkLoad, WrkResult> run)
    {
        var first = Math.Max(settings.Threads, (int)Math.Ceiling(settings.Rate * PacingDelayMs / 1000.0));
        var trial = run(new WrkLoad(settings.Threads, first, TimeSpan.FromSeconds(Math.Min(3, settings.Duration.TotalSeconds)), PacingDelayMs));
        var scaled = (int)Math.Round(first * settings.Rate / Math.Max(1, trial.RequestsPerSecond));
        return trial.Load with { Connections = Math.Clamp(scaled, first, 4 * first), Duration = settings.Duration };
    }

    private static void Rows(SummaryTable table, string label, List<WrkResult> results) =>
        table.Row($"{label}: requests/s", Median(results, r => r.RequestsPerSecond).ToString("N0", CultureInfo.InvariantCulture))
            .Row($"{label}: p50 / p95 / p99", $"{Ms(Median(results, r => r.P50Ms))} / {Ms(Median(results, r => r.P95Ms))} / {Ms(Median(results, r => r.P99Ms))}")
            .Row($"{label}: errors / non-2xx", $"{results.Sum(r => r.Errors)} / {results.Sum(r => r.Non2xx)}");

    private static double Median<T>(IEnumerable<T> results, Func<T, double> figure) => Percentiles.Median(results.Select(figure));

    private static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:F2} ms");

    private static int[] ConnectionCounts(string text)
    {
        var counts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
                ? count
                : throw new UsageException($"--connections: '{part}' is not a positive whole number."))
            .ToArray();
        return counts.Length > 0 ? counts : throw new UsageException("--connections needs at least one connection count.");
    }

    private sealed record ApiBenchSettings(
        TimeSpan Duration, int Runs, int[] ConnectionCounts, int Threads, int Rate, bool Http, FanoutLoad Fanout, string? Redis, int? CallerCacheMs, int Bars);
}
