using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CryptoOrchestrator.Host.Cli;

namespace CryptoOrchestrator.Host.Bench;

/// <summary>
/// The wrk load generator (the Debian package <c>wrk</c>) run as a child process. A Lua script adds the API key
/// header (passed in the environment, never on the command line), optionally paces each connection with wrk's
/// <c>delay()</c>, and prints one machine-readable line with the request count, errors and latency percentiles.
/// </summary>
internal static partial class Wrk
{
    private const string Script = """
        wrk.method = "GET"
        wrk.headers["X-Api-Key"] = os.getenv("CO_BENCH_API_KEY")
        local pause = tonumber(os.getenv("CO_BENCH_DELAY_MS") or "0")
        if pause > 0 then
          function delay() return pause end
        end
        function done(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("co-bench requests=%d duration_us=%d errors=%d non2xx=%d p50_us=%.0f p95_us=%.0f p99_us=%.0f max_us=%.0f\n",
            summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
            latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
        end
        """;

    /// <summary>The wrk executable on PATH; a usage error saying how to install it when there is none.</summary>
    public static string Locate()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "wrk"))
            .FirstOrDefault(File.Exists);
        return path ?? throw new UsageException("wrk, the HTTP load generator, is not installed: install it with 'apt-get install wrk' (the Debian package), then run again.");
    }

    /// <summary>Writes the Lua script into <paramref name="folder"/> and returns its path.</summary>
    public static string WriteScript(string folder)
    {
        var path = Path.Combine(folder, "bench-api.lua");
        File.WriteAllText(path, Script);
        return path;
    }

    /// <summary>
    /// One wrk run against <paramref name="url"/>: closed loop (each connection sends its next request when the last
    /// one is answered) when <paramref name="delayMs"/> is 0, otherwise each connection waits that long between requests.
    /// </summary>
    public static WrkResult Run(string wrk, string script, Uri url, string apiKey, WrkLoad load)
    {
        var start = new ProcessStartInfo(wrk)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-t", $"{load.Threads}", "-c", $"{load.Connections}", "-d", $"{load.Duration.TotalSeconds:F0}s", "--timeout", "10s", "-s", script, url.ToString()])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CO_BENCH_API_KEY"] = apiKey;
        start.Environment["CO_BENCH_DELAY_MS"] = load.DelayMs.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{wrk} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(load.Duration + TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"wrk did not finish within a minute after its {load.Duration.TotalSeconds:F0} s run.");
        }

        var line = Summary().Match(output.Result);
        if (process.ExitCode != 0 || !line.Success)
        {
            throw new InvalidOperationException($"wrk exited {process.ExitCode} without its summary line:\n{output.Result}\n{errors.Result}");
        }

        long Number(string name) => long.Parse(line.Groups[name].Value, CultureInfo.InvariantCulture);
        return new WrkResult(load, Number("requests"), TimeSpan.FromMicroseconds(Number("duration")), Number("errors"), Number("non2xx"),
            Number("p50") / 1e3, Number("p95") / 1e3, Number("p99") / 1e3, Number("max") / 1e3);
    }

    [GeneratedRegex(@"co-bench requests=(?<requests>\d+) duration_us=(?<duration>\d+) errors=(?<errors>\d+) non2xx=(?<non2xx>\d+) p50_us=(?<p50>\d+) p95_us=(?<p95>\d+) p99_us=(?<p99>\d+) max_us=(?<max>\d+)")]
    private static partial Regex Summary();
}
