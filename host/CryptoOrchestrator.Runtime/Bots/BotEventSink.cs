using System.Threading.Channels;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// Hands a bot's orders, fills, positions and equity to its <see cref="BotEventPublisher"/> from the bot's
/// own thread. It never waits: an event that finds the buffer full is counted as dropped (the feed is held
/// back long before that happens). Allocation-free: events are structs written into a bounded channel.
/// </summary>
internal sealed class BotEventSink(TradingPipeline pipeline, ChannelWriter<PendingBotEvent> events) : IEngineEventSink
{
    private long _dropped;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void OnOrderUpdate(string ownerId, in OrderSnapshot order) =>
        Hand(new PendingBotEvent(PendingBotEventKind.Order, order.Time, ownerId, Order: order));

    public void OnFill(string ownerId, in Fill fill)
    {
        Hand(new PendingBotEvent(PendingBotEventKind.Fill, fill.Time, ownerId, Fill: fill));
        // Sinks hear of a fill once the portfolio has applied it: this is the position it left.
        Hand(new PendingBotEvent(PendingBotEventKind.Position, fill.Time, Position: pipeline.Portfolio.GetPosition(fill.Instrument)));
    }

    public void OnEquity(long time, decimal equity) =>
        Hand(new PendingBotEvent(PendingBotEventKind.Equity, time, Equity: equity, Cash: pipeline.Portfolio.Cash));

    private void Hand(in PendingBotEvent item)
    {
        if (!events.TryWrite(item))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
