using System.Diagnostics;
using System.Reflection;

namespace CryptoOrchestrator.Host.Tests;

/// <summary>Runs the built <c>orchestrator</c> executable as a user would, in a working folder of the test's choosing.</summary>
internal static class Orchestrator
{
    public static string OutputDirectory { get; } = typeof(Orchestrator).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "HostOutputDirectory").Value!;

    public static (int ExitCode, string Output, string Errors) Run(string workingDirectory, params string[] arguments) =>
        Run(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run(string, string[])"/>, with extra environment variables.</summary>
    public static (int ExitCode, string Output, string Errors) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(OutputDirectory, "orchestrator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"orchestrator {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }
}
