using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;

namespace CryptoOrchestrator.Api.Endpoints;

/// <summary>
/// Whether a bot exists anywhere: on this node's manager, or in the store (an API node that runs no bots
/// serves the stored bots of the others).
/// </summary>
internal static class KnownBots
{
    public static async Task EnsureAsync(string id, BotManager manager, IStore store, CancellationToken cancellation)
    {
        if (IsManagedHere(id, manager) || await store.Bots.GetAsync(id, cancellation).ConfigureAwait(false) is not null)
        {
            return;
        }

        throw new BotNotFoundException(id);
    }

    private static bool IsManagedHere(string id, BotManager manager)
    {
        try
        {
            manager.Get(id);
            return true;
        }
        catch (BotNotFoundException)
        {
            return false;
        }
    }
}
