using CryptoOrchestrator.Runtime.Bots;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoOrchestrator.Host.Hosting;

/// <summary>
/// Restores the stored bots, then creates and starts the bots of the <c>Bots</c> section that the store did not
/// have, when the host starts; stops every bot (each at an event boundary) when it shuts down, leaving them stored
/// as running so the next start resumes them. A bot that cannot start is Failed with its reason; the others run.
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

        await bots.RestoreAsync(cancellationToken).ConfigureAwait(false);
        var restored = bots.List().ToDictionary(bot => bot.Id, bot => bot.Status, StringComparer.Ordinal);
        foreach (var definition in settings.Value.Definitions)
        {
            // A configured bot the store has is not created again; one it has as Created was stored by a host that
            // stopped before starting it, so it is started now as configured.
            if (restored.TryGetValue(definition.Id, out var status))
            {
                if (status == BotStatus.Created)
                {
                    await bots.StartAsync(definition.Id, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            bots.Create(definition);
            await bots.StartAsync(definition.Id, cancellationToken).ConfigureAwait(false);
        }

        log.LogInformation("{Count} bots from configuration; {Running} running", settings.Value.Definitions.Count, bots.List().Count(b => b.Status == BotStatus.Running));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        log.LogInformation("Stopping {Count} bots", bots.List().Count(b => b.Status is BotStatus.Running or BotStatus.Paused));
        await bots.ShutdownAsync(cancellationToken).ConfigureAwait(false);
    }
}
