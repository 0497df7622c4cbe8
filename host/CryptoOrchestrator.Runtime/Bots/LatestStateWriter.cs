using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Sdk.Domain;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// Keeps each bot's state and the latest close of each of its instruments in the <see cref="ILatestStateCache"/>, for
/// API nodes that do not run the bot (on Redis, every node reads them). States are written at every status change and,
/// with the closes, at most once per <see cref="Interval"/> while the bot runs, so the feed never waits on the cache per
/// bar. A cache that fails is logged and skipped: a bot never stops for it.
/// </summary>
internal sealed class LatestStateWriter(ILatestStateCache cache, TimeProvider time, ILogger log)
{
    /// <summary>The least time between two writes of a running bot's state and closes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // The API's shape of a bot: camelCase, enums by name.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The bot's state as of now, and the closes it has seen; on the caller's thread, waiting for the cache.</summary>
    public void Write(ManagedBot managed) => WriteAsync(managed).GetAwaiter().GetResult();

    /// <summary>Notes the step's closes; writes them with the bot's state when <see cref="Interval"/> has passed since the last write.</summary>
    public async Task StepAsync(ManagedBot managed, List<(Instrument Instrument, Bar Bar)> step)
    {
        var due = false;
        lock (managed.LatestCloses)
        {
            foreach (var (instrument, bar) in step)
            {
                managed.LatestCloses[instrument.Symbol] = (bar.Close.ToDecimal(), bar.CloseTime);
            }

            var now = time.GetTimestamp();
            if (time.GetElapsedTime(managed.CachedAt, now) >= Interval)
            {
                managed.CachedAt = now;
                due = true;
            }
        }

        if (due)
        {
            await WriteAsync(managed).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(ManagedBot managed)
    {
        (string Symbol, decimal Price, long TimeMs)[] closes;
        lock (managed.LatestCloses)
        {
            closes = [.. managed.LatestCloses.Select(close => (close.Key, close.Value.Price, close.Value.TimeMs))];
        }

        try
        {
            await cache.SetBotStateAsync(managed.Id, JsonSerializer.Serialize(managed.Snapshot(), Json)).ConfigureAwait(false);
            foreach (var (symbol, price, timeMs) in closes)
            {
                await cache.SetPriceAsync(symbol, price, timeMs).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Bot {BotId}: the latest-state cache could not be written: {Error}", managed.Id, e.Message);
        }
    }
}
