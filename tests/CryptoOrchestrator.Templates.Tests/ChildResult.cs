namespace CryptoOrchestrator.Templates.Tests;

/// <summary>How a child process ended, with everything it printed.</summary>
public sealed record ChildResult(string CommandLine, int ExitCode, string Output, string Errors, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>The whole story, for a failure message.</summary>
    public string Describe() =>
        $"""
        $ {CommandLine}
        exit code {(TimedOut ? "none: killed after timing out" : ExitCode)} after {Elapsed.TotalSeconds:F1} s
        --- stdout ---
        {Output}
        --- stderr ---
        {Errors}
        """;
}
