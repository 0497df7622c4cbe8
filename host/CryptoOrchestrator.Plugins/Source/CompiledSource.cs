namespace CryptoOrchestrator.Plugins.Source;

/// <summary>A source plugin compiled in memory, ready for <c>PluginLoader.LoadImage</c>.</summary>
/// <param name="AssemblyName">
/// <c>&lt;FolderName&gt;.src.&lt;hash&gt;</c>: the hash covers every file's relative path and bytes, so the same
/// sources always give the same name (and, the build being deterministic, the same image bytes).
/// </param>
/// <param name="Image">The assembly (PE) bytes.</param>
/// <param name="Symbols">The portable PDB, with the source text embedded, so stack traces name files and lines.</param>
/// <param name="Files">The files compiled, relative to the folder with <c>/</c> separators, in ordinal order.</param>
/// <param name="Elapsed">Reading, parsing, compiling and emitting together.</param>
public sealed record CompiledSource(string AssemblyName, byte[] Image, byte[] Symbols, IReadOnlyList<string> Files, TimeSpan Elapsed);
