using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using CryptoOrchestrator.Api.Auth;
using CryptoOrchestrator.Api.Endpoints;
using CryptoOrchestrator.Api.Errors;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Persistence;
using CryptoOrchestrator.Runtime.Bots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Api.Events;

/// <summary>
/// GET /api/bots/{id}/events?after=N as a WebSocket: the bot's events after sequence N (0: all retained), then
/// live ones, one JSON text frame each: <c>{"sequence":…,"type":…,"timeMs":…,"payload":{…}}</c>. A client
/// resumes by reconnecting with the last sequence it saw. The event bus bounds what a subscriber may have
/// waiting, so a slow client never holds a bot back: it is closed (1008) and resumes where it stopped; a
/// resume from events no longer retained is closed (1008) saying so.
/// </summary>
internal static partial class EventStreamEndpoint
{
    // A close reason may hold at most 123 bytes.
    private const int MaxCloseReason = 123;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bots/{id}/events", StreamAsync).WithTags("Events").RequireAuthorization(ApiPolicies.Viewer);

    private static async Task<IResult> StreamAsync(
        string id, long? after, HttpContext context, BotManager manager, IStore store, IEventBus bus, ILoggerFactory logs)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Problems.Invalid("connection", "this endpoint is a WebSocket: connect with an upgrade request");
        }

        if (after is < 0)
        {
            return Problems.Invalid("after", "must be a sequence number, 0 or more");
        }

        await KnownBots.EnsureAsync(id, manager, store, context.RequestAborted).ConfigureAwait(false);
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var listening = ListenForCloseAsync(socket, ended);
        var (status, reason) = await PumpAsync(id, after ?? 0, socket, bus, ended.Token).ConfigureAwait(false);
        await CloseAsync(socket, status, reason, logs.CreateLogger(typeof(EventStreamEndpoint)), id).ConfigureAwait(false);
        try
        {
            // The client answers a close with its own; one that does not is cut off.
            await listening.WaitAsync(CloseHandshakeTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            socket.Abort();
            await listening.ConfigureAwait(false);
        }

        return Results.Empty;
    }

    /// <summary>Completes the close handshake: answers the client's close, or closes with the stream's reason.</summary>
    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus? status, string reason, ILogger log, string botId)
    {
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
            }
            else if (socket.State == WebSocketState.Open)
            {
                var closeStatus = status ?? WebSocketCloseStatus.EndpointUnavailable;
                reason = status is null ? "the server is stopping" : reason;
                LogClosing(log, botId, closeStatus, reason);
                await socket.CloseOutputAsync(closeStatus, Shorten(reason), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The connection is already gone.
        }
    }

    private static async Task<(WebSocketCloseStatus? Status, string Reason)> PumpAsync(
        string id, long after, WebSocket socket, IEventBus bus, CancellationToken cancellation)
    {
        var buffer = new ArrayBufferWriter<byte>(1_024);
        try
        {
            await foreach (var botEvent in bus.SubscribeAsync(id, after, cancellation).ConfigureAwait(false))
            {
                buffer.ResetWrittenCount();
                Write(buffer, botEvent);
                // Not cancellable: cancelling a send aborts the socket, and the close handshake with it.
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }

            return (WebSocketCloseStatus.NormalClosure, "the event stream ended");
        }
        catch (EventsExpiredException expired)
        {
            return (WebSocketCloseStatus.PolicyViolation,
                $"events after {expired.AfterSequence} expired; oldest retained is {expired.OldestRetainedSequence}; reload state and resume from there");
        }
        catch (SubscriberOverflowException slow)
        {
            return (WebSocketCloseStatus.PolicyViolation, $"too slow: {slow.Capacity} events waited; resume after {slow.LastDeliveredSequence}");
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client left, or the host is stopping.
            return (null, "");
        }
    }

    private static void Write(ArrayBufferWriter<byte> buffer, BotEvent botEvent)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteNumber("sequence", botEvent.Sequence);
        json.WriteString("type", botEvent.Type);
        json.WriteNumber("timeMs", botEvent.TimeMs);
        json.WritePropertyName("payload");
        json.WriteRawValue(botEvent.PayloadJson, skipInputValidation: true);
        json.WriteEndObject();
    }

    /// <summary>Reads (and drops) what the client sends until its close, which ends the stream at once.</summary>
    private static async Task ListenForCloseAsync(WebSocket socket, CancellationTokenSource ended)
    {
        var scratch = new byte[256];
        try
        {
            // Never cancelled: cancelling a receive aborts the socket.
            while ((await socket.ReceiveAsync(scratch, CancellationToken.None).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Gone either way (or cut off after a close that got no answer).
        }

        await ended.CancelAsync().ConfigureAwait(false);
    }

    private static string Shorten(string reason)
    {
        while (System.Text.Encoding.UTF8.GetByteCount(reason) > MaxCloseReason)
        {
            reason = reason[..^1];
        }

        return reason;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Event stream of bot {BotId} closed with {Status}: {Reason}")]
    private static partial void LogClosing(ILogger log, string botId, WebSocketCloseStatus status, string reason);
}
