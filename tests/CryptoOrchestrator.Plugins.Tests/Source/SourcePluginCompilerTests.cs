using System.Reflection;
using System.Reflection.Metadata;
using CryptoOrchestrator.Plugins.Source;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.Source;

public sealed class SourcePluginCompilerTests : IDisposable
{
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private readonly ScratchFolder _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static SourcePluginCompiler Compiler => SourcePluginCompiler.Shared;

    private string BreakoutFolder()
    {
        _scratch.Write("Breakout/BreakoutStrategy.cs", SourceSamples.Strategy);
        _scratch.Write("Breakout/Support/Text.cs", SourceSamples.DescriptionHelper);
        _scratch.Write("Breakout/Thrower.cs", SourceSamples.Thrower);
        return _scratch.PathOf("Breakout");
    }

    [Fact]
    public void Compile_SourceStrategy_LoadsInCollectibleContext_AsTheHostsIStrategy()
    {
        var compiled = Compiler.Compile(BreakoutFolder());

        var assembly = CollectibleContext.Load(compiled, out var context);
        try
        {
            var instance = Activator.CreateInstance(assembly.GetType("Samples.Breakout.BreakoutStrategy", throwOnError: true)!);

            var strategy = Assert.IsAssignableFrom<IStrategy>(instance);
            Assert.Same(typeof(IStrategy).Assembly, instance!.GetType().GetInterface(nameof(IStrategy))!.Assembly);
            Assert.Equal("breakout-source", strategy.Metadata.Id);
            Assert.Equal("breakout over bars 1,2,3", strategy.Metadata.Description);
            Assert.Equal("lookback", Assert.Single(strategy.Metadata.Parameters).Name);
            Assert.True(context.IsCollectible);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Compile_LoadedImage_LeavesNothingThatKeepsTheContextAlive()
    {
        var compiled = Compiler.Compile(BreakoutFolder());

        var context = CollectibleContext.LoadUseAndUnload(compiled, assembly =>
        {
            var strategy = (IStrategy)Activator.CreateInstance(assembly.GetType("Samples.Breakout.BreakoutStrategy")!)!;
            Assert.Equal("1.2.3", strategy.Metadata.Version);
        });

        Assert.True(CollectibleContext.WaitForCollection(context), "the compiled plugin's context was not collected");
    }

    [Fact]
    public void Compile_StackTraces_NameTheSourceFileAndLine()
    {
        var compiled = Compiler.Compile(BreakoutFolder());

        var assembly = CollectibleContext.Load(compiled, out var context);
        try
        {
            var fail = assembly.GetType("Samples.Breakout.Thrower")!.GetMethod("Fail")!;
            var thrown = Assert.Throws<TargetInvocationException>(() => fail.Invoke(null, [42]));

            Assert.Equal("failed on 42", thrown.InnerException!.Message);
            Assert.Contains("Thrower.cs:line 7", thrown.InnerException.StackTrace, StringComparison.Ordinal);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Compile_Symbols_EmbedEverySourceText_UnderItsRelativePath()
    {
        var compiled = Compiler.Compile(BreakoutFolder());

        using var pdb = MetadataReaderProvider.FromPortablePdbImage([.. compiled.Symbols]);
        var reader = pdb.GetMetadataReader();
        var documents = reader.Documents.Select(reader.GetDocument).ToList();
        var names = documents.Select(d => reader.GetString(d.Name)).Order(StringComparer.Ordinal);
        var embedded = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Count(info => reader.GetGuid(info.Kind) == EmbeddedSourceKind);

        Assert.Equal(["BreakoutStrategy.cs", "GlobalUsings.g.cs", "Support/Text.cs", "Thrower.cs"], names);
        Assert.Equal(4, embedded);
    }

    [Fact]
    public void Compile_ReadsCsFilesRecursivelyInOrdinalOrder_SkippingBinObjAndDotFolders()
    {
        var folder = BreakoutFolder();
        const string broken = "this is not C#";
        _scratch.Write("Breakout/bin/Debug/Old.cs", broken);
        _scratch.Write("Breakout/obj/Generated.cs", broken);
        _scratch.Write("Breakout/.vs/Editor.cs", broken);
        _scratch.Write("Breakout/Support/.cache/Stale.cs", broken);
        _scratch.Write("Breakout/notes.txt", broken);
        _scratch.Write("Breakout/Alpha.cs", "namespace Samples.Breakout; internal static class Alpha;");

        var compiled = Compiler.Compile(folder);

        Assert.Equal(["Alpha.cs", "BreakoutStrategy.cs", "Support/Text.cs", "Thrower.cs"], compiled.Files);
    }

    [Fact]
    public void Compile_SyntaxError_ReportsFileLineColumnAndCode()
    {
        _scratch.Write("Broken/Strategy.cs", """
            namespace Samples;

            public static class Broken
            {
                public static int Value()
                {
                    var x = 1
                    return x;
                }
            }
            """);

        var thrown = Assert.Throws<SourceCompilationException>(() => Compiler.Compile(_scratch.PathOf("Broken")));

        var error = Assert.Single(thrown.Errors);
        Assert.Equal(new CompileError("Strategy.cs", 7, 18, "CS1002", "; expected"), error);
        Assert.Equal(_scratch.PathOf("Broken"), thrown.SourceFolder);
    }

    [Fact]
    public void Compile_SemanticError_ReportsFileLineColumnAndCode()
    {
        _scratch.Write("Broken/Strategy.cs", """
            namespace Samples;

            public static class Broken
            {
                public static int Value() => "seven";
            }
            """);

        var thrown = Assert.Throws<SourceCompilationException>(() => Compiler.Compile(_scratch.PathOf("Broken")));

        var error = Assert.Single(thrown.Errors);
        Assert.Equal(("Strategy.cs", 5, 34, "CS0029"), (error.File, error.Line, error.Column, error.Code));
        Assert.Contains("Cannot implicitly convert type 'string' to 'int'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ErrorsInSeveralFiles_AreAllReported_SortedByFileThenLine()
    {
        _scratch.Write("Broken/Zeta.cs", "namespace Samples;\npublic static class Zeta { public static int V() => Missing; }\n");
        _scratch.Write("Broken/Alpha.cs", "namespace Samples;\npublic static class Alpha\n{\n    public static int V() => \"a\";\n    public static int W() => Nowhere.Value;\n}\n");
        _scratch.Write("Broken/Fine.cs", "namespace Samples;\npublic static class Fine { public static int V() => 1; }\n");

        var thrown = Assert.Throws<SourceCompilationException>(() => Compiler.Compile(_scratch.PathOf("Broken")));

        Assert.Equal(
            [("Alpha.cs", 4, "CS0029"), ("Alpha.cs", 5, "CS0103"), ("Zeta.cs", 2, "CS0103")],
            thrown.Errors.Select(e => (e.File, e.Line, e.Code)));
        var lines = thrown.Message.Split('\n').Select(line => line.Trim()).ToList();
        Assert.Contains("'Broken'", lines[0], StringComparison.Ordinal);
        Assert.Contains(_scratch.PathOf("Broken"), lines[0], StringComparison.Ordinal);
        Assert.Equal(thrown.Errors.Select(e => e.ToString()), lines.Skip(1));
    }

    [Fact]
    public void Compile_Warnings_DoNotFailTheCompile()
    {
        _scratch.Write("Warned/Strategy.cs", """
            namespace Samples;

            public static class Warned
            {
                public static int Value()
                {
                    int unused;
                    string text = null;
                    return text.Length;
                }
            }
            """);

        var compiled = Compiler.Compile(_scratch.PathOf("Warned"));

        Assert.NotEmpty(compiled.Image);
    }

    [Fact]
    public void Compile_EnablesNullableAnnotations()
    {
        _scratch.Write("Nullable/Holder.cs", "namespace Samples;\npublic sealed class Holder { public string? Maybe; public string Surely = \"\"; }\n");
        var compiled = Compiler.Compile(_scratch.PathOf("Nullable"));

        var assembly = CollectibleContext.Load(compiled, out var context);
        try
        {
            var holder = assembly.GetType("Samples.Holder")!;
            var nullability = new NullabilityInfoContext();

            Assert.Equal(NullabilityState.Nullable, nullability.Create(holder.GetField("Maybe")!).ReadState);
            Assert.Equal(NullabilityState.NotNull, nullability.Create(holder.GetField("Surely")!).ReadState);
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Compile_DefinesTheSdkPreprocessorSymbols()
    {
        _scratch.Write("Symbols/Check.cs", """
            #if !(NET && NETCOREAPP && NET10_0_OR_GREATER && NET8_0_OR_GREATER && RELEASE && TRACE)
            #error an SDK symbol is missing
            #endif
            #if DEBUG
            #error a Release build defines no DEBUG
            #endif
            namespace Samples;
            internal static class Check;
            """);

        var compiled = Compiler.Compile(_scratch.PathOf("Symbols"));

        Assert.Equal(["Check.cs"], compiled.Files);
    }

    [Fact]
    public void Compile_AssembliesPrivateToTheHost_AreNotVisibleToPlugins()
    {
        _scratch.Write("Sneaky/Strategy.cs", "using Xunit;\nnamespace Samples;\npublic static class Sneaky { public static System.Type Runner => typeof(FactAttribute); }\n");

        var thrown = Assert.Throws<SourceCompilationException>(() => Compiler.Compile(_scratch.PathOf("Sneaky")));

        Assert.Contains(thrown.Errors, e => e is { File: "Strategy.cs", Line: 1, Code: "CS0246" } && e.Message.Contains("Xunit", StringComparison.Ordinal));
    }

    [Fact]
    public void ReferencePaths_HoldTheFrameworkAndTheSdkClosure_AndNothingPrivate()
    {
        var names = Compiler.ReferencePaths.Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Contains("System.Runtime", names);
        Assert.Contains("System.Linq", names);
        Assert.Contains("netstandard", names);
        Assert.Contains("CryptoOrchestrator.Sdk", names);
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(names, name => name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            || name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("CryptoOrchestrator.Plugins", StringComparison.Ordinal)
            || name.StartsWith("NuGet.", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_SameSources_GiveTheSameNameAndBytes_AndAnEditGivesANewName()
    {
        var folder = BreakoutFolder();

        var first = Compiler.Compile(folder);
        var again = Compiler.Compile(folder);
        _scratch.Write("Breakout/Thrower.cs", SourceSamples.Thrower.Replace("failed on ", "gave up on ", StringComparison.Ordinal));
        var edited = Compiler.Compile(folder);

        Assert.Matches(@"^Breakout\.src\.[0-9a-f]{12}$", first.AssemblyName);
        Assert.Equal(first.AssemblyName, again.AssemblyName);
        Assert.Equal(first.Image, again.Image);
        Assert.NotEqual(first.AssemblyName, edited.AssemblyName);
        Assert.Equal(first.AssemblyName, AssemblyName.GetAssemblyName(WriteImage(first)).Name);
    }

    [Fact]
    public void Compile_OnSeveralThreadsAtOnce_CompilesEachFolder()
    {
        var folders = Enumerable.Range(0, 4).Select(i =>
            Path.GetDirectoryName(_scratch.Write($"Parallel{i}/Value.cs", $"namespace Samples;\npublic static class Value{i} {{ public const int V = {i}; }}\n"))!).ToList();

        var compiled = new CompiledSource[folders.Count];
        Parallel.For(0, folders.Count, i => compiled[i] = Compiler.Compile(folders[i]));

        Assert.Equal(["Parallel0", "Parallel1", "Parallel2", "Parallel3"], compiled.Select(c => c.AssemblyName.Split(".src.")[0]));
        Assert.All(compiled, c => Assert.NotEmpty(c.Image));
    }

    [Fact]
    public void Compile_FolderWithoutCsFiles_ThrowsNamingTheFolder()
    {
        _scratch.Write("Empty/readme.md", "nothing to compile");
        _scratch.Write("Empty/bin/Old.cs", "namespace Samples; internal static class Old;");

        var thrown = Assert.Throws<SourceCompilationException>(() => Compiler.Compile(_scratch.PathOf("Empty")));

        Assert.Contains(_scratch.PathOf("Empty"), thrown.Message, StringComparison.Ordinal);
        Assert.Contains("no .cs file", thrown.Message, StringComparison.Ordinal);
        Assert.Empty(thrown.Errors);
    }

    [Fact]
    public void Compile_MissingFolder_ThrowsNamingTheFolder()
    {
        var missing = _scratch.PathOf("Nowhere");

        var thrown = Assert.Throws<DirectoryNotFoundException>(() => Compiler.Compile(missing));

        Assert.Contains(missing, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompileError_PrintsLikeACompiler()
    {
        Assert.Equal("Strategy.cs(12,9): error CS1002: ; expected", new CompileError("Strategy.cs", 12, 9, "CS1002", "; expected").ToString());
        Assert.Equal("error CS0006: Metadata file 'x.dll' could not be found", new CompileError("", 0, 0, "CS0006", "Metadata file 'x.dll' could not be found").ToString());
    }

    private string WriteImage(CompiledSource compiled)
    {
        var path = _scratch.PathOf(compiled.AssemblyName + ".dll");
        File.WriteAllBytes(path, compiled.Image);
        return path;
    }
}
