using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection;

using CryptoOrchestrator.Plugins.Source;

namespace CryptoOrchestrator.Plugins.Loading;

/// <summary>
/// Loads plugin packages — build-output folders, .nupkg files and compiled source images — each into a
/// collectible <see cref="PluginLoadContext"/> of its own, forces their types to load and validates their
/// plugins. Never throws for a bad plugin: failures are <see cref="LoadedPlugin.Problems"/>, and a load
/// that yields no plugin is unloaded at once. Throws only for misuse (null, a missing path). Thread-safe.
/// </summary>
public sealed class PluginLoader
{
    private readonly ConcurrentDictionary<string, int> _generations = new(StringComparer.Ordinal);
    private readonly ShadowRoot _shadows;
    private readonly PackageCache _packages;

    /// <summary>A loader keeping its files under <see cref="PluginLoaderOptions.CacheDirectory"/>; shadow copies left by earlier processes there are deleted now.</summary>
    public PluginLoader(PluginLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CacheDirectory, nameof(options));
        ArgumentNullException.ThrowIfNull(options.SdkVersion, nameof(options));
        ArgumentNullException.ThrowIfNull(options.TargetFramework, nameof(options));
        Options = options with { CacheDirectory = Path.GetFullPath(options.CacheDirectory) };
        _shadows = ShadowRoot.For(Options.CacheDirectory);
        _packages = new PackageCache(Options.CacheDirectory);
    }

    /// <summary>The options, with the cache directory as a full path.</summary>
    public PluginLoaderOptions Options { get; }

    /// <summary>Loads a build-output folder whose main assembly is <c>&lt;folder&gt;/&lt;FolderName&gt;.dll</c>, from a shadow copy of the folder.</summary>
    public LoadedPlugin LoadFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"Plugin folder '{path}' does not exist.");
        }

        var target = Next(Path.GetFileName(path), path, PluginSourceKind.Folder);
        var main = Directory.EnumerateFiles(path, "*.dll")
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(file => string.Equals(Path.GetFileNameWithoutExtension(file), target.Name, StringComparison.OrdinalIgnoreCase));
        if (main is null)
        {
            return Rejected(target, new(path, null, null, PluginProblemKind.NoPlugin, $"plugin folder has no main assembly {target.Name}.dll"));
        }

        return LoadFromShadowCopy(target, main, copy =>
        {
            copy.CopyFrom(path);
            return (Path.Combine(copy.Path, Path.GetFileName(main)), []);
        });
    }

    /// <summary>
    /// Loads a .nupkg: rejects it whole if any entry is rooted, absolute or climbs out through "..";
    /// extracts it into <c>&lt;cache&gt;/packages/&lt;id&gt;/&lt;version&gt;/</c>; loads the main assembly
    /// (<c>&lt;id&gt;.dll</c>, or the only one) of the <c>lib/&lt;tfm&gt;/</c> folder nearest to the target
    /// framework, with native libraries from <c>runtimes/&lt;rid&gt;/native/</c>.
    /// </summary>
    public LoadedPlugin LoadPackage(string nupkgPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nupkgPath);
        var path = Path.GetFullPath(nupkgPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Plugin package '{path}' does not exist.", path);
        }

        var name = Path.GetFileNameWithoutExtension(path);
        try
        {
            using var package = ZipFile.OpenRead(path);
            var entries = package.Entries.Select(entry => entry.FullName).ToList();
            if (PackageEntryRules.FindUnsafeEntry(entries) is { } unsafeEntry)
            {
                throw new PluginRejectedException(PluginProblemKind.Invalid, $"{unsafeEntry}; the whole package is rejected");
            }

            var manifest = PackageManifest.Read(package);
            name = manifest.Id;
            var files = entries.Select(PackageEntryRules.Normalize).Where(entry => !entry.EndsWith('/')).ToList();
            var layout = PackageLayout.Choose(files, manifest, Options.TargetFramework, RuntimeIdentifierChain.Current);
            var extracted = _packages.Extract(path, package, manifest);
            return LoadFromShadowCopy(Next(name, path, PluginSourceKind.Package), path, copy =>
            {
                copy.CopyFrom(Path.Combine(extracted, layout.LibFolder), "lib");
                IReadOnlyList<string> native = [];
                if (layout.NativeFolder is not null)
                {
                    copy.CopyFrom(Path.Combine(extracted, layout.NativeFolder), "native");
                    native = [Path.Combine(copy.Path, "native")];
                }

                return (Path.Combine(copy.Path, "lib", Path.GetFileName(layout.MainAssembly)), native);
            });
        }
        catch (PluginRejectedException e)
        {
            return Rejected(Next(name, path, PluginSourceKind.Package), new(path, null, null, e.Kind, e.Message));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return Rejected(Next(name, path, PluginSourceKind.Package), new(path, null, null, PluginProblemKind.Unreadable, $"is not a readable package: {e.Message}"));
        }
    }

    /// <summary>Loads an assembly image compiled in memory (a source plugin) with its optional symbols; <paramref name="sourcePath"/> is the source folder.</summary>
    public LoadedPlugin LoadImage(string name, string sourcePath, byte[] image, byte[]? symbols)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourcePath);
        ArgumentNullException.ThrowIfNull(image);
        var target = Next(name, Path.GetFullPath(sourcePath), PluginSourceKind.Source);
        var context = new PluginLoadContext(target.ContextName, null, []);
        return Inspect(target, context, null, target.SourcePath, () =>
        {
            using var assembly = new MemoryStream(image, writable: false);
            using var pdb = symbols is null ? null : new MemoryStream(symbols, writable: false);
            return context.LoadFromStream(assembly, pdb);
        });
    }

    /// <summary>
    /// Compiles a folder of .cs files (<see cref="SourcePluginCompiler.Shared"/>) and loads the image.
    /// Compile errors become one problem listing each as <c>file(line,column): error CODE: message</c>.
    /// </summary>
    public LoadedPlugin LoadSourceFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.GetFullPath(folder);
        CompiledSource compiled;
        try
        {
            compiled = SourcePluginCompiler.Shared.Compile(path);
        }
        catch (SourceCompilationException e)
        {
            return Rejected(Next(Path.GetFileName(path), path, PluginSourceKind.Source), new(path, null, null, PluginProblemKind.Unreadable, e.Message));
        }

        return LoadImage(Path.GetFileName(path), path, compiled.Image, compiled.Symbols);
    }

    /// <summary>Loads a plugin source of any kind, as <see cref="Watching.PluginSourceLocator"/> classifies it.</summary>
    public LoadedPlugin Load(string path, PluginSourceKind kind) => kind switch
    {
        PluginSourceKind.Folder => LoadFolder(path),
        PluginSourceKind.Package => LoadPackage(path),
        PluginSourceKind.Source => LoadSourceFolder(path),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown plugin source kind."),
    };

    private LoadTarget Next(string name, string sourcePath, PluginSourceKind kind) =>
        new(name, sourcePath, kind, _generations.AddOrUpdate(name, 1, (_, generation) => generation + 1));

    /// <summary>Copies the files into a fresh shadow folder (<paramref name="populate"/> returns the main assembly and native folders there) and loads from it.</summary>
    private LoadedPlugin LoadFromShadowCopy(LoadTarget target, string problemFile, Func<ShadowCopy, (string Main, IReadOnlyList<string> NativeDirectories)> populate)
    {
        ShadowCopy? copy = null;
        PluginLoadContext context;
        string main;
        try
        {
            copy = _shadows.Create(target.ContextName);
            (main, var native) = populate(copy);
            context = new PluginLoadContext(target.ContextName, main, native);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // InvalidOperationException: the dependency resolver could not read the plugin's .deps.json.
            copy?.Delete();
            return Rejected(target, new(problemFile, null, null, PluginProblemKind.Unreadable, $"cannot be prepared for loading: {e.GetType().Name}: {e.Message}"));
        }

        return Inspect(target, context, copy, problemFile, () => context.LoadFromAssemblyPath(main));
    }

    private LoadedPlugin Inspect(LoadTarget target, PluginLoadContext context, ShadowCopy? copy, string problemFile, Func<Assembly> loadMain)
    {
        var plugins = new List<PluginDescriptor>();
        var problems = new List<PluginLoadProblem>();
        try
        {
            var assembly = loadMain();
            new PluginAssemblyInspector(Options.SdkVersion, plugins, problems).Inspect(assembly, problemFile);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException)
        {
            problems.Add(new(problemFile, null, null, PluginProblemKind.Unreadable, $"cannot be loaded as an assembly: {e.GetType().Name}: {e.Message}"));
        }

        var loaded = new LoadedPlugin(target, context, copy, plugins, problems);
        if (plugins.Count == 0)
        {
            loaded.Unload();
        }

        return loaded;
    }

    private static LoadedPlugin Rejected(LoadTarget target, PluginLoadProblem problem)
    {
        var loaded = new LoadedPlugin(target, null, null, [], [problem]);
        loaded.Unload();
        return loaded;
    }
}
