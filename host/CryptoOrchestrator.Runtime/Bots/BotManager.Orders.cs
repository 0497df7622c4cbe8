using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>Operator actions on a bot's orders.</summary>
public sealed partial class BotManager
{
    /// <summary>
    /// Cancels the bot's open order <paramref name="clientOrderId"/> between two events on the bot's own thread:
    /// a queued order is Cancelled at once, one at the exchange is cancelled there and its outcome arrives as
    /// the order's next event. False when the bot has no such open order (never started, unknown, or final).
    /// <see cref="BotNotFoundException"/> when there is no such bot.
    /// </summary>
    public async Task<bool> CancelOrderAsync(string botId, long clientOrderId, CancellationToken cancellation)
    {
        var managed = Find(botId);
        lock (managed.State)
        {
            if (managed.Bot is null || clientOrderId <= 0)
            {
                return false;
            }
        }

        return await InspectAsync(botId, pipeline => pipeline.Orders.Cancel(new ClientOrderId(clientOrderId), pipeline.Clock.NowMs))
            .WaitAsync(cancellation).ConfigureAwait(false);
    }
}
