namespace CryptoOrchestrator.Messaging.Tests;

/// <summary>Reading subscriptions in steps, never waiting forever.</summary>
internal static class EventStreams
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<BotEvent> NextAsync(this IAsyncEnumerator<BotEvent> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Patience), "the subscription ended");
        return events.Current;
    }

    public static async Task<List<BotEvent>> TakeAsync(this IAsyncEnumerator<BotEvent> events, int count)
    {
        var taken = new List<BotEvent>(count);
        while (taken.Count < count)
        {
            taken.Add(await events.NextAsync());
        }

        return taken;
    }

    public static long[] Sequences(this IEnumerable<BotEvent> events) => [.. events.Select(e => e.Sequence)];

    public static long[] Range(long first, long last) => [.. Enumerable.Range(0, (int)(last - first + 1)).Select(i => first + i)];
}
