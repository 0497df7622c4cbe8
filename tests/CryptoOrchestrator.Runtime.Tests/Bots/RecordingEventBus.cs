using System.Runtime.CompilerServices;
using System.Text.Json;
using CryptoOrchestrator.Messaging;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

/// <summary>An event bus that numbers and keeps every event, for tests that read what a bot published.</summary>
internal sealed class RecordingEventBus : IEventBus
{
    private readonly Lock _gate = new();
    private readonly List<BotEvent> _events = [];

    public IReadOnlyList<BotEvent> Of(string botId)
    {
        lock (_gate)
        {
            return [.. _events.Where(e => e.BotId == botId)];
        }
    }

    /// <summary>The payloads of one bot's events of one type, in order.</summary>
    public IReadOnlyList<JsonElement> Payloads(string botId, string type) =>
        [.. Of(botId).Where(e => e.Type == type).Select(e => JsonDocument.Parse(e.PayloadJson).RootElement)];

    public ValueTask<BotEvent> PublishAsync(string botId, string type, long timeMs, string payloadJson, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            var published = new BotEvent(botId, _events.Count(e => e.BotId == botId) + 1, type, timeMs, payloadJson);
            _events.Add(published);
            return ValueTask.FromResult(published);
        }
    }

    public async IAsyncEnumerable<BotEvent> SubscribeAsync(string botId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellation = default)
    {
        await Task.Yield();
        foreach (var e in Of(botId).Where(e => e.Sequence > afterSequence))
        {
            cancellation.ThrowIfCancellationRequested();
            yield return e;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
