using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using CryptoOrchestrator.Plugins.Source;

namespace CryptoOrchestrator.Plugins.Tests.Source;

/// <summary>
/// Loads a compiled image into a collectible context of its own. The context resolves nothing itself,
/// so the SDK (and the framework) come from the default context: the host's type identities.
/// </summary>
internal static class CollectibleContext
{
    public static Assembly Load(CompiledSource compiled, out AssemblyLoadContext context)
    {
        context = new AssemblyLoadContext(compiled.AssemblyName, isCollectible: true);
        using var image = new MemoryStream(compiled.Image);
        using var symbols = new MemoryStream(compiled.Symbols);
        return context.LoadFromStream(image, symbols);
    }

    /// <summary>Loads, hands the assembly to <paramref name="use"/>, unloads; the reference tells whether the context was collected.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static WeakReference LoadUseAndUnload(CompiledSource compiled, Action<Assembly> use)
    {
        var assembly = Load(compiled, out var context);
        use(assembly);
        context.Unload();
        return new WeakReference(context);
    }

    /// <summary>Collects until the context is gone or 20 rounds passed; true when it is gone.</summary>
    public static bool WaitForCollection(WeakReference context)
    {
        for (var round = 0; round < 20 && context.IsAlive; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !context.IsAlive;
    }
}
