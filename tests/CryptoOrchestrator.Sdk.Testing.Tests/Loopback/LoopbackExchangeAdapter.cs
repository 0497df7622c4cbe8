using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

/// <summary>
/// The exchange adapter for the <see cref="LoopbackVenue"/>, written as a live adapter should be.
/// <list type="bullet">
/// <item>Submit and Cancel never block the engine: requests go to an outbox that the connection loop sends.</item>
/// <item>The venue's events are reported from the connection loop's thread (IExchangeEvents may be called from
/// any thread), in the order the venue numbered them.</item>
/// <item>It survives a dropped connection by itself: it reconnects after <c>reconnect-delay-ms</c> and opens with
/// the sequence number of the last event it handled, so the venue replays exactly what it missed. A fill during
/// the outage is reported once; nothing from before it twice.</item>
/// <item>A request the venue may not have received before a drop is sent again on the next connection; the venue
/// takes a client order id it already knows as a resend.</item>
/// </list>
/// </summary>
public sealed class LoopbackExchangeAdapter : IExchange, IAsyncDisposable
{
    private readonly ConcurrentDictionary<ClientOrderId, WorkingOrder> _orders = new();
    private readonly ConcurrentDictionary<(ClientOrderId Id, string Type), (long Order, WireMessage Request)> _unconfirmed = new();
    private readonly Channel<WireMessage> _outbox = Channel.CreateUnbounded<WireMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private IExchangeEvents? _events;
    private ILogger _logger = NullLogger.Instance;
    private Task _running = Task.CompletedTask;
    private long _requestCount;

    // Touched only by the connection loop.
    private long _lastSequence;

    public PluginMetadata Metadata { get; } = new()
    {
        Id = "loopback-exchange",
        Version = "1.0.0",
        Kind = PluginKind.Exchange,
        SdkVersionRange = "[0.3.0, 1.0.0)",
        Description = "Trades on the loopback test venue over newline-delimited JSON.",
        Capabilities = PluginCapabilities.Network,
        Parameters =
        [
            ParameterDefinition.Text("host", "127.0.0.1", "The venue's address."),
            ParameterDefinition.Integer("port", 9000, minimum: 1, maximum: 65535, description: "The venue's port."),
            ParameterDefinition.Integer("reconnect-delay-ms", 50, minimum: 1, maximum: 60_000, description: "How long to wait before connecting again."),
        ],
    };

    public void Connect(IPluginContext context, IExchangeEvents events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        _logger = context.Logger;
        var host = context.Parameters.GetText("host");
        var port = context.Parameters.GetInt32("port");
        var reconnectDelay = TimeSpan.FromMilliseconds(context.Parameters.GetInt32("reconnect-delay-ms"));
        _running = Task.Run(() => RunAsync(host, port, reconnectDelay, _stopping.Token));
    }

    public void Submit(in OrderSnapshot order)
    {
        _orders[order.Id] = new WorkingOrder(order.Request);
        Send(WireMessage.Submit(order));
    }

    public void Cancel(ClientOrderId id) => Send(WireMessage.Cancel(id));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
    }

    /// <summary>What one venue event means to the engine. Static: it depends on nothing but the event and the order.</summary>
    internal static void Report(WireMessage venueEvent, in OrderRequest order, IExchangeEvents events)
    {
        var id = venueEvent.OrderId;
        switch (venueEvent.Type)
        {
            case WireMessage.AcceptedType:
                events.OnOrderStatus(id, OrderStatus.Accepted, null);
                break;
            case WireMessage.RejectedType:
                events.OnOrderStatus(id, OrderStatus.Rejected, venueEvent.Reason);
                break;
            case WireMessage.CancelledType:
                events.OnOrderStatus(id, OrderStatus.Cancelled, venueEvent.Reason);
                break;
            case WireMessage.FillType:
                var instrument = order.Instrument;
                var liquidity = order.Type == OrderType.Market ? Liquidity.Taker : Liquidity.Maker;
                events.OnFill(new Fill(id, instrument, order.Side, venueEvent.ParsedPrice(), venueEvent.ParsedQuantity(), venueEvent.ParsedFee(), instrument.QuoteAsset, liquidity, venueEvent.Time));
                break;
        }
    }

    private void Send(WireMessage request)
    {
        _unconfirmed[(request.OrderId, request.Type)] = (Interlocked.Increment(ref _requestCount), request);
        _outbox.Writer.TryWrite(request);
    }

    private async Task RunAsync(string host, int port, TimeSpan reconnectDelay, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var connection = await JsonLineConnection.OpenAsync(host, port, stopping);
                await ServeAsync(connection, stopping);
                _logger.LogWarning("The venue closed the connection; connecting again in {Delay} ms.", reconnectDelay.TotalMilliseconds);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                _logger.LogWarning("Connection to {Host}:{Port} lost ({Reason}); connecting again in {Delay} ms.", host, port, ex.Message, reconnectDelay.TotalMilliseconds);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A message it cannot read, or an event the engine refused: connecting again would replay the same one.
                _logger.LogCritical(ex, "The adapter has stopped: {Reason}", ex.Message);
                return;
            }

            try
            {
                await Task.Delay(reconnectDelay, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One connection: hello, the requests not yet confirmed, then sending and receiving side by side until the venue closes it.</summary>
    private async Task ServeAsync(JsonLineConnection connection, CancellationToken stopping)
    {
        await connection.SendAsync(WireMessage.Hello(after: _lastSequence), stopping);
        foreach (var (_, request) in _unconfirmed.Values.OrderBy(r => r.Order))
        {
            await connection.SendAsync(request, stopping);
        }

        _logger.LogInformation("Connected; the venue resumes after its event {Sequence}.", _lastSequence);
        await connection.ExchangeAsync(_outbox.Reader, Handle, stopping);
    }

    private void Handle(WireMessage venueEvent)
    {
        // A replay starts after the last event handled, so this only guards against a venue that repeats itself.
        if (venueEvent.Seq <= _lastSequence)
        {
            return;
        }

        var id = venueEvent.OrderId;
        if (_orders.TryGetValue(id, out var order))
        {
            Settle(venueEvent, order);
            Report(venueEvent, order.Request, _events!);
        }
        else
        {
            _logger.LogWarning("The venue sent '{Type}' for {Order}, which this adapter never placed.", venueEvent.Type, id);
        }

        _lastSequence = venueEvent.Seq;
    }

    /// <summary>What the event settles: a request the venue has now seen need not be sent again, and a final order is forgotten.</summary>
    private void Settle(WireMessage venueEvent, WorkingOrder order)
    {
        var id = venueEvent.OrderId;
        var final = venueEvent.Type switch
        {
            WireMessage.RejectedType or WireMessage.CancelledType => true,
            WireMessage.FillType => (order.Filled += venueEvent.ParsedQuantity()) >= order.Request.Quantity,
            _ => false,
        };
        _unconfirmed.TryRemove((id, WireMessage.SubmitType), out _);
        if (final)
        {
            _unconfirmed.TryRemove((id, WireMessage.CancelType), out _);
            _orders.TryRemove(id, out _);
        }
    }

    /// <summary>An order the venue holds, with what has filled so far (kept by the connection loop).</summary>
    private sealed class WorkingOrder(OrderRequest request)
    {
        public OrderRequest Request { get; } = request;

        public Quantity Filled { get; set; }
    }
}
