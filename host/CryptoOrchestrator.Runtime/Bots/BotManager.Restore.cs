using System.Text.Json;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Durability;
using Microsoft.Extensions.Logging;
using StoredStatus = CryptoOrchestrator.Persistence.BotStatus;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>The manager's store: bots kept as they change, and brought back when the host starts again.</summary>
public sealed partial class BotManager
{
    /// <summary>
    /// Brings back every bot of the store (none without one) that this manager does not have yet, with its definition
    /// and status. Bots that were Running or Paused resume from their last checkpoint: their feed is replayed from the
    /// start, up to the checkpoint without waiting, and the run must arrive exactly where the journal says — the same
    /// orders under the same client order ids, the same fills, cash and positions — before it goes on journaling; a
    /// paused one is paused again. A bot whose stored definition no longer checks out is left in the store and logged.
    /// Nothing is restored on a node that runs no bots (<see cref="BotManagerOptions.RunsBots"/>).
    /// </summary>
    public async Task RestoreAsync(CancellationToken cancellation = default)
    {
        if (_options.Store is not { } store || !_options.RunsBots)
        {
            return;
        }

        foreach (var record in await store.Bots.ListAsync(cancellation).ConfigureAwait(false))
        {
            lock (_gate)
            {
                if (_bots.ContainsKey(record.Id))
                {
                    continue;
                }
            }

            BotRecipe recipe;
            try
            {
                recipe = new BotDefinitionValidator(_plugins, _options).Check(BotDefinitionJson.Read(record.Id, record.ConfigurationJson));
            }
            catch (Exception e) when (e is JsonException or BotDefinitionException)
            {
                _log.LogError("Bot {BotId} cannot be restored: {Reason}", record.Id, e.Message);
                continue;
            }

            Add(recipe, recipe.Feed);
            await RestoreAsync(Find(record.Id), record, cancellation).ConfigureAwait(false);
        }
    }

    private async Task RestoreAsync(ManagedBot managed, BotRecord record, CancellationToken cancellation)
    {
        if (record.Status is StoredStatus.Running or StoredStatus.Paused)
        {
            _log.LogInformation("Bot {BotId} restored: resuming from its last checkpoint", managed.Id);
            await OneStepAtATime(managed, cancellation, async bot =>
            {
                await BeginRunAsync(bot, resume: true).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            if (record.Status == StoredStatus.Paused && managed.Snapshot().Status == BotStatus.Running)
            {
                Pause(managed.Id);
            }

            return;
        }

        lock (managed.State)
        {
            managed.Status = Enum.Parse<BotStatus>(record.Status.ToString());
            managed.Reason = "restored from the store";
        }

        _log.LogInformation("Bot {BotId} restored: {Status}", managed.Id, record.Status);
    }

    /// <summary>Adds the bot and, with a store, stores it (status Created) before anyone can start it.</summary>
    private BotInfo AddAndStore(BotRecipe recipe, Feeds.IMarketFeed feed)
    {
        var created = Add(recipe, feed);
        if (_options.Store is not { } store)
        {
            return created;
        }

        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var definition = recipe.Definition;
        try
        {
            store.Bots.CreateAsync(new BotRecord(definition.Id, definition.DisplayName, BotDefinitionJson.Write(definition), StoredStatus.Created, now, now))
                .GetAwaiter().GetResult();
        }
        catch
        {
            lock (_gate)
            {
                _bots.Remove(definition.Id);
            }

            throw;
        }

        return created;
    }

    /// <summary>A journal for the run about to start, when the manager has a store.</summary>
    private async Task<BotJournal?> OpenJournalAsync(ManagedBot managed, bool resume)
    {
        if (_options.Store is not { } store)
        {
            return null;
        }

        var (id, instruments, cash) = (managed.Id, managed.Recipe.Instruments, managed.Recipe.Definition.InitialCash);
        return resume
            ? await BotJournal.ResumeAsync(store, id, instruments, cash, _options.Journal, CancellationToken.None).ConfigureAwait(false)
            : await BotJournal.BeginAsync(store, id, instruments, cash, _options.Journal, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Commits what the run's journal had not yet, once the bot's thread is done with it. Not for a halted bot: its
    /// thread may still be inside a plugin, and the journal's last commit is where its restore will start.
    /// </summary>
    private Exception? FlushJournal(ManagedBot managed, Bot bot)
    {
        if (managed.Journal is not { } journal || bot.State == BotState.Halted)
        {
            return null;
        }

        try
        {
            journal.Flush();
            var statistics = journal.Statistics;
            _log.LogInformation(
                "Bot {BotId} journal: {Commits} checkpoints, {Mean:F3} ms on average, {Longest:F3} ms at most",
                managed.Id, statistics.Commits, statistics.Mean.TotalMilliseconds, statistics.Longest.TotalMilliseconds);
            return null;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return e;
        }
    }

    private static StoredStatus Stored(BotStatus status) => Enum.Parse<StoredStatus>(status.ToString());
}
