using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json;
using CryptoOrchestrator.Plugins.Loading;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.Loading;

/// <summary>
/// The test assembly's entry point. With <c>load-cycles FOLDER CACHE CYCLES BATCH</c> it loads, runs and
/// unloads a plugin folder CYCLES times, verifying collection BATCH contexts at a time, and prints what it
/// measured as one JSON object. It runs in a process of its own because the heap it measures must hold
/// nothing but the loader's: a test host warms its own caches (serializers, reflection) while tests run.
/// </summary>
public static class LoadCycleProgram
{
    public static int Main(string[] args)
    {
        if (args is not ["load-cycles", var folder, var cache, var cyclesText, var batchText])
        {
            return 0;
        }

        var (cycles, batch) = (int.Parse(cyclesText, System.Globalization.CultureInfo.InvariantCulture), int.Parse(batchText, System.Globalization.CultureInfo.InvariantCulture));
        var loader = new PluginLoader(new PluginLoaderOptions { CacheDirectory = cache });
        var leaks = new List<string>();
        var started = Stopwatch.GetTimestamp();

        var collected = Batch(loader, folder, 1, leaks);
        var heapAfterFirst = GC.GetTotalMemory(forceFullCollection: true);
        var contextsAfterFirst = AssemblyLoadContext.All.Count();
        // One round of collections reclaims a whole batch, so collection is verified a batch at a time.
        for (var done = 1; done < cycles; done += batch)
        {
            collected += Batch(loader, folder, Math.Min(batch, cycles - done), leaks);
        }

        var result = new LoadCycleResult(
            cycles,
            collected,
            leaks,
            Stopwatch.GetElapsedTime(started).TotalSeconds,
            heapAfterFirst,
            GC.GetTotalMemory(forceFullCollection: true),
            contextsAfterFirst,
            AssemblyLoadContext.All.Count(),
            Directory.GetDirectories(Path.Combine(cache, "shadow"), "*", SearchOption.AllDirectories).Length - 1);
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    // Its own frame, so not even the handles are alive when Main measures the heap.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Batch(PluginLoader loader, string folder, int count, List<string> leaks)
    {
        var collected = 0;
        foreach (var outcome in LoadRunUnload(loader, folder, count).Select(handle => handle.WaitForCollection()))
        {
            if (outcome.Collected)
            {
                collected++;
            }
            else
            {
                leaks.Add(outcome.LeakReport!);
            }
        }

        return collected;
    }

    // Nothing of the plugins may outlive this frame: only the handles leave it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<UnloadHandle> LoadRunUnload(PluginLoader loader, string folder, int count)
    {
        var handles = new List<UnloadHandle>(count);
        for (var i = 0; i < count; i++)
        {
            var loaded = loader.LoadFolder(folder);
            var strategy = (IStrategy)loaded.Plugins.Single().Create();
            if (strategy.Metadata.Id != "sma-crossover")
            {
                throw new InvalidOperationException($"Loaded {strategy.Metadata.Id} from {folder}.");
            }

            handles.Add(loaded.Unload());
        }

        return handles;
    }
}

/// <summary>What <see cref="LoadCycleProgram"/> measured.</summary>
public sealed record LoadCycleResult(
    int Cycles,
    int Collected,
    IReadOnlyList<string> Leaks,
    double Seconds,
    long HeapAfterFirst,
    long HeapAfterLast,
    int ContextsAfterFirst,
    int ContextsAfterLast,
    int ShadowCopiesLeft);
