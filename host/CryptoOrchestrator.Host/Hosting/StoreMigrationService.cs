using CryptoOrchestrator.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>Brings the store's schema up to date when the host starts, before any bot is restored or created.</summary>
internal sealed class StoreMigrationService(IStore store, ILogger<StoreMigrationService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        log.LogInformation(
            "Store ({Provider}) ready{Applied}", store.Provider, applied.Count == 0 ? "" : $": migrations {string.Join(", ", applied)} applied");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
