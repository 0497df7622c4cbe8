namespace CryptoOrchestrator.Plugins.Source;

/// <summary>One compiler error in a source plugin, placed the way compilers print them.</summary>
/// <param name="File">The file, relative to the source folder with <c>/</c> separators; empty when the error has no place in a file.</param>
/// <param name="Line">1-based line; 0 when the error has no place in a file.</param>
/// <param name="Column">1-based column; 0 when the error has no place in a file.</param>
/// <param name="Code">The compiler's code, e.g. <c>CS1002</c>.</param>
/// <param name="Message">The compiler's message, in English.</param>
public sealed record CompileError(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>As a compiler prints it: <c>Strategy.cs(12,9): error CS1002: ; expected</c>.</summary>
    public override string ToString() =>
        File.Length == 0 ? $"error {Code}: {Message}" : $"{File}({Line},{Column}): error {Code}: {Message}";
}
