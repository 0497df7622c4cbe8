using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace CryptoOrchestrator.Plugins.Source;

/// <summary>
/// Compiles a folder of C# files into a plugin assembly in memory, against the framework and the SDK
/// only (see <see cref="ReferencePaths"/>). Thread-safe: compiles share the references and nothing else.
/// </summary>
public sealed class SourcePluginCompiler
{
    private static readonly Lazy<SourcePluginCompiler> SharedInstance = new(() => new SourcePluginCompiler());

    private readonly MetadataReference[] _references;

    private SourcePluginCompiler()
    {
        ReferencePaths = SourceReferences.Resolve();
        _references = [.. ReferencePaths.Select(path => MetadataReference.CreateFromFile(path))];
    }

    /// <summary>
    /// The one instance: its references are read once, so every compile after the first in a process is warm.
    /// </summary>
    public static SourcePluginCompiler Shared => SharedInstance.Value;

    /// <summary>The assemblies source plugins compile against: the base framework, the SDK and the SDK's own dependencies.</summary>
    public IReadOnlyList<string> ReferencePaths { get; }

    /// <summary>
    /// Compiles every <c>*.cs</c> under <paramref name="sourceFolder"/> (skipping <c>bin/</c>, <c>obj/</c> and
    /// dot-folders) in ordinal order of their relative paths.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="SourceCompilationException">The folder holds no source file, or the compiler reported errors (warnings are not fatal).</exception>
    public CompiledSource Compile(string sourceFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFolder);
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceFolder));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Source plugin folder '{folder}' does not exist.");
        }

        var stopwatch = Stopwatch.StartNew();
        var files = SourceFolderLayout.RelativeSourceFiles(folder);
        if (files.Count == 0)
        {
            throw new SourceCompilationException(folder,
                $"Source plugin folder '{folder}' holds no .cs file (bin/, obj/ and dot-folders are not read).");
        }

        var (texts, contentHash) = Read(folder, files);
        var assemblyName = AssemblyNameFor(Path.GetFileName(folder), contentHash);
        var trees = new List<SyntaxTree>(texts.Count + 1) { SdkProjectConventions.GlobalUsings() };
        trees.AddRange(files.Select((file, i) => CSharpSyntaxTree.ParseText(texts[i], SdkProjectConventions.ParseOptions, file)));
        var compilation = CSharpCompilation.Create(assemblyName, trees, _references, SdkProjectConventions.CompilationOptions);

        using var image = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(
            image,
            symbols,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: assemblyName + ".pdb"),
            embeddedTexts: trees.Select(tree => EmbeddedText.FromSource(tree.FilePath, tree.GetText())));
        if (!result.Success)
        {
            throw new SourceCompilationException(folder, Errors(result.Diagnostics));
        }

        return new CompiledSource(assemblyName, image.ToArray(), symbols.ToArray(), files, stopwatch.Elapsed);
    }

    // Reads each file once: its text for the compiler, its bytes (with its path) for the content hash.
    private static (List<SourceText> Texts, byte[] Hash) Read(string folder, List<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var texts = new List<SourceText>(files.Count);
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file));
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(bytes);
            hash.AppendData("\0"u8);
            try
            {
                texts.Add(SourceText.From(bytes, bytes.Length, encoding: null, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: true, canBeEmbedded: true));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"Source plugin file '{Path.Combine(folder, file)}' is not a text file.", e);
            }
        }

        return (texts, hash.GetHashAndReset());
    }

    private static string AssemblyNameFor(string folderName, byte[] contentHash)
    {
        var safeName = string.Concat(folderName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
        return $"{safeName}.src.{Convert.ToHexStringLower(contentHash, 0, 6)}";
    }

    private static List<CompileError> Errors(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(ToCompileError)
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ThenBy(e => e.Code, StringComparer.Ordinal),
    ];

    private static CompileError ToCompileError(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (!diagnostic.Location.IsInSource)
        {
            return new CompileError("", 0, 0, diagnostic.Id, message);
        }

        var span = diagnostic.Location.GetMappedLineSpan();
        var start = span.StartLinePosition;
        return new CompileError(span.Path, start.Line + 1, start.Character + 1, diagnostic.Id, message);
    }
}
