namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Derives a plugin's random seed from the run seed and the plugin id. string.GetHashCode is
/// randomised per process, so a fixed FNV-1a hash is used to keep runs repeatable across processes.
/// </summary>
public static class StableSeed
{
    /// <summary>The seed for the plugin <paramref name="pluginId"/> in a run seeded with <paramref name="runSeed"/>.</summary>
    public static int For(int runSeed, string pluginId)
    {
        ArgumentNullException.ThrowIfNull(pluginId);
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis ^ (uint)runSeed;
        foreach (var c in pluginId)
        {
            hash = (hash ^ c) * prime;
        }

        return (int)(hash & int.MaxValue);
    }
}
