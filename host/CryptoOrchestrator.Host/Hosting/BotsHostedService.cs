using CryptoOrchestrator.Runtime.Bots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Creates and starts the bots of the <c>Bots</c> section when the host starts, and stops every bot (each
/// at an event boundary) when it shuts down. A bot that cannot start is Failed with its reason; the others run.
/// </summary>
internal sealed class BotsHostedService(BotManager bots, IOptions<BotsSettings> settings, ILogger<BotsHostedService> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.Value.Run)
        {
            log.LogInformation("Bots:Run is false: this node serves the API and runs no bots");
            return;
        }

        foreach (var definition in settings.Value.Definitions)
        {
            bots.Create(definition);
            await bots.StartAsync(definition.Id, cancellationToken).ConfigureAwait(false);
        }

        log.LogInformation("{Count} bots from configuration; {Running} running", settings.Value.Definitions.Count, bots.List().Count(b => b.Status == BotStatus.Running));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Stopping {Count} bots", bots.List().Count(b => b.Status is BotStatus.Running or BotStatus.Paused));
        await bots.StopAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
