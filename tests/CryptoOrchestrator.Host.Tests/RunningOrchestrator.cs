using System.Collections.Concurrent;
using System.Diagnostics;

namespace CryptoOrchestrator.Host.Tests;

/// <summary>The built <c>orchestrator</c> running as a child process, its output collected line by line as it comes.</summary>
internal sealed class RunningOrchestrator : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private RunningOrchestrator(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(_output, line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(_errors, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _output);

    public string Errors => string.Join('\n', _errors);

    public static RunningOrchestrator Start(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(Orchestrator.OutputDirectory, "orchestrator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new RunningOrchestrator(Process.Start(start)!);
    }

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>; fails with the output so far.</summary>
    public async Task WaitForOutput(string text, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!Wrote(text))
        {
            if (_process.HasExited)
            {
                // Lets the last lines arrive before deciding.
                _process.WaitForExit();
                Assert.True(Wrote(text), $"orchestrator exited ({_process.ExitCode}) without writing '{text}'.\nOutput:\n{Output}\nErrors:\n{Errors}");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no '{text}' after {patience}.\nOutput:\n{Output}\nErrors:\n{Errors}");
            await Task.Delay(20);
        }
    }

    private bool Wrote(string text) => _output.Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Sends SIGTERM, as a service manager stopping it would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Sends SIGKILL: the process ends at once, in whatever it was doing, and waits until it has.</summary>
    public void KillAbruptly()
    {
        using var kill = Process.Start("kill", ["-KILL", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to exit, with every line it wrote read; its exit code.</summary>
    public async Task<int> WaitForExit(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
