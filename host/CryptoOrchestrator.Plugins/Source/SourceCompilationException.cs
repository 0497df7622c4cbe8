using System.Text;

namespace CryptoOrchestrator.Plugins.Source;

/// <summary>
/// A source plugin did not compile. <see cref="Exception.Message"/> names the folder and lists every
/// error, one per line, as a compiler prints them.
/// </summary>
public sealed class SourceCompilationException : Exception
{
    /// <summary>Reports the compiler errors of <paramref name="sourceFolder"/> (sorted by file, line, column).</summary>
    public SourceCompilationException(string sourceFolder, IReadOnlyList<CompileError> errors)
        : base(Describe(sourceFolder, errors))
    {
        SourceFolder = sourceFolder;
        Errors = errors;
    }

    /// <summary>Reports a folder that could not be compiled at all (e.g. it holds no <c>.cs</c> file); <see cref="Errors"/> is empty.</summary>
    public SourceCompilationException(string sourceFolder, string message)
        : base(message)
    {
        SourceFolder = sourceFolder;
        Errors = [];
    }

    /// <summary>Every error, sorted by file, then line, then column.</summary>
    public IReadOnlyList<CompileError> Errors { get; }

    /// <summary>The full path of the source folder.</summary>
    public string SourceFolder { get; }

    private static string Describe(string sourceFolder, IReadOnlyList<CompileError> errors)
    {
        var text = new StringBuilder()
            .Append("Source plugin '").Append(Path.GetFileName(sourceFolder)).Append("' (").Append(sourceFolder)
            .Append(") did not compile: ").Append(errors.Count).Append(errors.Count == 1 ? " error" : " errors");
        foreach (var error in errors)
        {
            text.AppendLine().Append("  ").Append(error);
        }

        return text.ToString();
    }
}
