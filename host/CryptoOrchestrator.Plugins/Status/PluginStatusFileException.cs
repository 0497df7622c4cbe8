namespace CryptoOrchestrator.Plugins.Status;

/// <summary>
/// The plugin status file cannot be read or is not a valid status file. The file is left exactly as
/// it is: the host never overwrites what an operator may still want to repair.
/// </summary>
public sealed class PluginStatusFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/>; <paramref name="line"/> is 1-based, null when the fault has no line.</summary>
    public PluginStatusFileException(string file, int? line, string detail, Exception? innerException = null)
        : base(Describe(file, line, detail), innerException)
    {
        File = file;
        Line = line;
        Detail = detail;
    }

    /// <summary>The status file.</summary>
    public string File { get; }

    /// <summary>The 1-based line at fault, when there is one.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Detail { get; }

    private static string Describe(string file, int? line, string detail) => line is null
        ? $"Plugin status file '{file}' cannot be used: {detail}. It was left unchanged."
        : $"Plugin status file '{file}', line {line}: {detail}. It was left unchanged; repair or remove it.";
}
