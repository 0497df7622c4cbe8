using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CryptoOrchestrator.Api.Tests.Fixtures;

/// <summary>A real <see cref="ClientWebSocket"/> on a bot's event stream.</summary>
public sealed class EventSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private EventSocket(ClientWebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    /// <summary>Connects with the token in the query, as a browser would; or in the Authorization header.</summary>
    public static async Task<EventSocket> ConnectAsync(ApiNode node, string botId, long after, string credential, bool inHeader = false)
    {
        var socket = new ClientWebSocket();
        var query = $"after={after}";
        if (inHeader)
        {
            socket.Options.SetRequestHeader("Authorization", credential);
        }
        else
        {
            query += $"&access_token={Uri.EscapeDataString(credential)}";
        }

        var uri = new UriBuilder(node.Address) { Scheme = "ws", Path = $"/api/bots/{botId}/events", Query = query }.Uri;
        using var patience = new CancellationTokenSource(ApiNode.Patience);
        await socket.ConnectAsync(uri, patience.Token);
        return new EventSocket(socket);
    }

    /// <summary>The next event, or null once the server closed the stream.</summary>
    public async Task<StreamedEvent?> NextAsync()
    {
        using var patience = new CancellationTokenSource(ApiNode.Patience);
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, patience.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                break;
            }
        }

        var root = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement;
        return new StreamedEvent(root.GetProperty("sequence").GetInt64(), root.GetProperty("type").GetString()!, root.GetProperty("timeMs").GetInt64(),
            root.GetProperty("payload").Clone());
    }

    /// <summary>Events until (and including) the one that satisfies <paramref name="last"/>.</summary>
    public async Task<List<StreamedEvent>> ReadUntilAsync(Func<StreamedEvent, bool> last)
    {
        var events = new List<StreamedEvent>();
        while (await NextAsync() is { } next)
        {
            events.Add(next);
            if (last(next))
            {
                return events;
            }
        }

        throw new InvalidOperationException($"the stream closed ({CloseStatus}: {CloseReason}) after {events.Count} events");
    }

    /// <summary>Hangs up as a client does.</summary>
    public async Task CloseAsync()
    {
        using var patience = new CancellationTokenSource(ApiNode.Patience);
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", patience.Token);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
