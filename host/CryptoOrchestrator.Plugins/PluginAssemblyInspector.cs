using System.Reflection;
using CryptoOrchestrator.Sdk.Plugins;
using NuGet.Versioning;

namespace CryptoOrchestrator.Plugins;

/// <summary>
/// Forces every type of one loaded assembly to load, then finds its plugin types, creates each once
/// to read its metadata and validates it. A type that fails to load rejects the whole assembly (any
/// plugin in it may reach that type); every other failure is one plugin type's alone: one broken
/// plugin never hides the others.
/// </summary>
internal sealed class PluginAssemblyInspector(NuGetVersion sdkVersion, List<PluginDescriptor> plugins, List<PluginLoadProblem> problems)
{
    public void Inspect(Assembly assembly, string sourceFile)
    {
        var problemsBefore = problems.Count;
        var types = LoadableTypes(assembly, sourceFile).ToList();
        foreach (var type in types)
        {
            if (TypeLoadVerifier.Verify(type) is { } failure)
            {
                problems.Add(new(sourceFile, type.FullName, null, PluginProblemKind.NotSupported, $"type cannot be loaded: {failure}"));
            }
        }

        // A plugin may reach any type of its assembly: none is accepted, or even created, while one fails to load.
        if (problems.Count > problemsBefore)
        {
            return;
        }

        var candidates = types.Where(IsPluginType).ToList();
        if (candidates.Count == 0)
        {
            problems.Add(new(sourceFile, null, null, PluginProblemKind.NoPlugin, $"no public non-abstract type implements {nameof(IPlugin)}"));
        }

        foreach (var type in candidates)
        {
            InspectType(type, sourceFile);
        }
    }

    private IEnumerable<Type> LoadableTypes(Assembly assembly, string sourceFile)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            foreach (var failure in e.LoaderExceptions.OfType<Exception>().DistinctBy(failure => failure.Message))
            {
                var typeName = (failure as TypeLoadException)?.TypeName;
                problems.Add(new(sourceFile, typeName, null, PluginProblemKind.NotSupported, $"type cannot be loaded: {failure.Message}"));
            }

            return e.Types.OfType<Type>();
        }
    }

    private static bool IsPluginType(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsVisible: true, ContainsGenericParameters: false }
        && typeof(IPlugin).IsAssignableFrom(type);

    private void InspectType(Type type, string sourceFile)
    {
        PluginMetadata? metadata = null;
        try
        {
            var constructor = type.GetConstructor(Type.EmptyTypes)
                ?? throw new PluginRejectedException(PluginProblemKind.Invalid, "has no public parameterless constructor");
            var invoker = ConstructorInvoker.Create(constructor);
            IPlugin Factory() => (IPlugin)invoker.Invoke();
            metadata = ReadMetadata(Factory);
            plugins.Add(PluginValidator.Describe(metadata, type, sourceFile, Factory, sdkVersion));
        }
        catch (PluginRejectedException e)
        {
            problems.Add(new(sourceFile, type.FullName, metadata?.Id, e.Kind, e.Message) { Version = metadata?.Version });
        }
    }

    private static PluginMetadata? ReadMetadata(Func<IPlugin> factory)
    {
        IPlugin probe;
        try
        {
            probe = factory();
        }
        catch (Exception e)
        {
            throw Failed("constructor", e);
        }

        // The probe instance only answers Metadata; dispose it either way, reporting the first fault.
        PluginMetadata? metadata = null;
        (string Member, Exception Error)? fault = null;
        try
        {
            metadata = probe.Metadata;
        }
        catch (Exception e)
        {
            fault = ("Metadata", e);
        }

        try
        {
            (probe as IDisposable)?.Dispose();
        }
        catch (Exception e)
        {
            fault ??= ("Dispose", e);
        }

        return fault is { } f ? throw Failed(f.Member, f.Error) : metadata;
    }

    private static PluginRejectedException Failed(string member, Exception e) =>
        new(IsTypeLoadFailure(e) ? PluginProblemKind.NotSupported : PluginProblemKind.Malfunctioned, $"{member} threw {e.GetType().Name}: {e.Message}");

    // What the runtime throws when a plugin was compiled against types or members this host does not have.
    private static bool IsTypeLoadFailure(Exception e) =>
        e is TypeLoadException or MissingMemberException or FileNotFoundException or FileLoadException or BadImageFormatException;
}
