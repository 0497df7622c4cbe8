using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using CryptoOrchestrator.Messaging;

namespace CryptoOrchestrator.Host.Bench;

/// <summary>
/// WebSocket fan-out: <c>clients</c> ClientWebSockets stream one bot's events from GET /api/bots/{id}/events while
/// events are published on the bot's stream at a fixed rate. An event's <c>timeMs</c> is market time, so the bench
/// stamps wall time itself: the <see cref="Stopwatch"/> before each <see cref="IEventBus.PublishAsync"/>, and again
/// when each client has the whole frame. Clients and server share this process (and its cores).
/// </summary>
internal static class FanoutBench
{
    private const int ConnectBatch = 50;

    public static async Task<FanoutResult> RunAsync(ApiBenchHost host, FanoutLoad load, CancellationToken cancellation)
    {
        // The clients resume after this marker, so each receives exactly the measured events.
        var marker = await host.Bus.PublishAsync(ApiBenchHost.BotId, "bench-marker", 0, "{}", cancellation).ConfigureAwait(false);
        var clients = new List<Client>(load.Clients);
        try
        {
            for (var i = 0; i < load.Clients; i += ConnectBatch)
            {
                var batch = Enumerable.Range(i, Math.Min(ConnectBatch, load.Clients - i)).Select(_ => Client.ConnectAsync(host, marker.Sequence, load.Events, cancellation));
                clients.AddRange(await Task.WhenAll(batch).ConfigureAwait(false));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(load.Events / (double)load.EventsPerSecond + 60));
            var receiving = clients.Select(client => client.ReceiveAsync(timeout.Token)).ToArray();
            var published = await PublishAsync(host.Bus, marker.Sequence, load, cancellation).ConfigureAwait(false);
            await Task.WhenAll(receiving).ConfigureAwait(false);
            return Summarise(clients, published, load);
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.CloseAsync())).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes the measured events at the load's rate; returns each one's publish time stamp, by position.</summary>
    private static async Task<long[]> PublishAsync(IEventBus bus, long after, FanoutLoad load, CancellationToken cancellation)
    {
        var stamps = new long[load.Events];
        var interval = Stopwatch.Frequency / (double)load.EventsPerSecond;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < load.Events; i++)
        {
            var due = started + (long)(i * interval);
            if (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due), cancellation).ConfigureAwait(false);
            }

            var stamp = Stopwatch.GetTimestamp();
            var published = await bus.PublishAsync(ApiBenchHost.BotId, "equity", 1_704_067_200_000 + i * 60_000L,
                string.Create(CultureInfo.InvariantCulture, $$"""{"cash":1000000,"equity":{{1_000_000 + i}}.25,"unrealizedPnl":{{i}}.25}"""), cancellation).ConfigureAwait(false);
            stamps[published.Sequence - after - 1] = stamp;
        }

        return stamps;
    }

    private static FanoutResult Summarise(List<Client> clients, long[] published, FanoutLoad load)
    {
        var latencies = new List<double>(clients.Count * load.Events);
        var lastReceipt = 0L;
        foreach (var client in clients)
        {
            for (var i = 0; i < client.Received.Length; i++)
            {
                if (client.Received[i] != 0)
                {
                    latencies.Add((client.Received[i] - published[i]) / (double)Stopwatch.Frequency);
                    lastReceipt = Math.Max(lastReceipt, client.Received[i]);
                }
            }
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        var span = (lastReceipt - published[0]) / (double)Stopwatch.Frequency;
        return new FanoutResult(load, sorted, (long)load.Clients * load.Events, sorted.Length / span);
    }

    /// <summary>One subscriber: the time stamp at which it had each event, by position (0: never).</summary>
    private sealed class Client(ClientWebSocket socket, long after, int events)
    {
        public long[] Received { get; } = new long[events];

        public static async Task<Client> ConnectAsync(ApiBenchHost host, long after, int events, CancellationToken cancellation)
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader("X-Api-Key", host.ApiKey);
            var uri = new UriBuilder(host.Address) { Scheme = "ws", Path = $"/api/bots/{ApiBenchHost.BotId}/events", Query = $"after={after}" }.Uri;
            await socket.ConnectAsync(uri, cancellation).ConfigureAwait(false);
            return new Client(socket, after, events);
        }

        public async Task ReceiveAsync(CancellationToken cancellation)
        {
            var buffer = new byte[4_096];
            var seen = 0;
            while (seen < Received.Length)
            {
                var length = 0;
                ValueWebSocketReceiveResult frame;
                do
                {
                    frame = await socket.ReceiveAsync(buffer.AsMemory(length), cancellation).ConfigureAwait(false);
                    length += frame.Count;
                }
                while (!frame.EndOfMessage && length < buffer.Length);

                var stamp = Stopwatch.GetTimestamp();
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var index = Sequence(buffer.AsSpan(0, length)) - after - 1;
                if (index >= 0 && index < Received.Length)
                {
                    Received[index] = stamp;
                    seen++;
                }
            }
        }

        public async Task CloseAsync()
        {
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", patience.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The server already went away; nothing left to close.
            }
            finally
            {
                socket.Dispose();
            }
        }

        /// <summary>The frame's <c>sequence</c>, the first member the server writes.</summary>
        private static long Sequence(ReadOnlySpan<byte> frame)
        {
            var reader = new Utf8JsonReader(frame);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("sequence"u8) && reader.Read())
                {
                    return reader.GetInt64();
                }
            }

            throw new InvalidDataException($"An event frame without a sequence: {System.Text.Encoding.UTF8.GetString(frame)}");
        }
    }
}
