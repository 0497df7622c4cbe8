using System.Globalization;
using System.Net.Sockets;
using System.Text;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace Co.Exchange1;

/// <summary>
/// An exchange adapter for a venue that speaks newline-delimited JSON over TCP (see <see cref="WireMessage"/>).
/// It connects in the background and, when the connection drops, reconnects by itself and asks
/// the venue for every event after the last one it processed, so that nothing that happened while it
/// was away (a fill, a cancel) is missed and nothing is reported twice. Orders and cancels placed
/// meanwhile wait and go out on the next connection.
/// </summary>
public sealed class Co_Exchange1Exchange : IExchange, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<long, WorkingOrder> _orders = [];
    private readonly List<PendingCommand> _pending = [];
    private IPluginContext _context = null!;
    private IExchangeEvents _events = null!;
    private string _host = "";
    private int _port;
    private TimeSpan _reconnectDelay;
    private StreamWriter? _writer;
    private int _connection;
    private long _lastSequence;
    private Task _loop = Task.CompletedTask;

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "co-plugin-id",
        Version = "1.0.0",
        Kind = PluginKind.Exchange,
        SdkVersionRange = "[__CO_SDK_VERSION__, 1.0.0)",
        Description = "Adapter for a venue speaking newline-delimited JSON over TCP.",
        Capabilities = PluginCapabilities.Network,
        Parameters =
        [
            ParameterDefinition.Text("host", "127.0.0.1", "The venue's host name or address."),
            ParameterDefinition.Integer("port", 0, minimum: 0, maximum: 65535, step: 1, description: "The venue's TCP port (required)."),
            ParameterDefinition.Integer("reconnect-delay-ms", 100, minimum: 10, maximum: 60_000, step: 10, description: "Pause between connection attempts, in milliseconds."),
        ],
    };

    /// <summary>True while a connection to the venue is up.</summary>
    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _writer is not null;
            }
        }
    }

    /// <inheritdoc />
    public void Connect(IPluginContext context, IExchangeEvents events)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(events);
        _context = context;
        _events = events;
        _host = context.Parameters.GetText("host");
        _port = context.Parameters.GetInt32("port");
        if (_port == 0)
        {
            throw new ArgumentException($"Exchange '{Metadata.Id}': parameter 'port' is required (the venue's TCP port).", nameof(context));
        }

        _reconnectDelay = TimeSpan.FromMilliseconds(context.Parameters.GetInt32("reconnect-delay-ms"));
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <inheritdoc />
    public void Submit(in OrderSnapshot order)
    {
        var request = order.Request;
        var message = new WireMessage
        {
            Type = WireMessage.New,
            Id = order.Id.Value,
            Side = WireNames.Of(request.Side),
            OrderType = WireNames.Of(request.Type),
            Quantity = request.Quantity.ToString(),
            Price = request.LimitPrice.IsZero ? null : request.LimitPrice.ToString(),
            StopPrice = request.StopPrice.IsZero ? null : request.StopPrice.ToString(),
        };
        lock (_gate)
        {
            _orders[order.Id.Value] = new WorkingOrder(request);
            _pending.Add(new PendingCommand(order.Id.Value, WireMessage.New, message.ToLine()));
        }

        _ = FlushAsync();
    }

    /// <inheritdoc />
    public void Cancel(ClientOrderId id)
    {
        var message = new WireMessage { Type = WireMessage.Cancel, Id = id.Value };
        lock (_gate)
        {
            _pending.Add(new PendingCommand(id.Value, WireMessage.Cancel, message.ToLine()));
        }

        _ = FlushAsync();
    }

    /// <summary>Stops reconnecting and closes the connection.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends on cancellation; how is of no interest once it is over.
        }

        // The write lock stays undisposed: a flush still on its way may release it later.
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient { NoDelay = true };
                await client.ConnectAsync(_host, _port, stop).ConfigureAwait(false);
                using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
                await StartSessionAsync(writer).ConfigureAwait(false);
                while (await reader.ReadLineAsync(stop).ConfigureAwait(false) is { } line)
                {
                    HandleLine(line);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                _context.Logger.LogWarning("Connection to {Host}:{Port} lost or refused ({Reason}); reconnecting.", _host, _port, ex.Message);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                lock (_gate)
                {
                    _writer = null;
                }
            }

            try
            {
                await Task.Delay(_reconnectDelay, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Says hello with the last event seen, then resends whatever is still unanswered.</summary>
    private async Task StartSessionAsync(StreamWriter writer)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // Only the read loop changes the sequence number, and it is here: no race.
            await writer.WriteLineAsync(new WireMessage { Type = WireMessage.Hello, After = _lastSequence }.ToLine()).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
            lock (_gate)
            {
                _writer = writer;
                _connection++;
            }
        }
        finally
        {
            _writeLock.Release();
        }

        _context.Logger.LogInformation("Connected to {Host}:{Port}, catching up after event {Sequence}.", _host, _port, _lastSequence);
        await FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Writes every pending command not yet written on the current connection.</summary>
    private async Task FlushAsync()
    {
        try
        {
            await _writeLock.WaitAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            StreamWriter? writer;
            List<PendingCommand> due;
            lock (_gate)
            {
                writer = _writer;
                var connection = _connection;
                due = [.. _pending.Where(command => command.SentOnConnection != connection)];
                due.ForEach(command => command.SentOnConnection = connection);
            }

            if (writer is null || due.Count == 0)
            {
                return;
            }

            foreach (var command in due)
            {
                await writer.WriteLineAsync(command.Line).ConfigureAwait(false);
            }

            await writer.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The read loop sees the drop and reconnects; unanswered commands go out again then.
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>A line the adapter cannot read is logged and skipped: dropping the connection would only replay it.</summary>
    private void HandleLine(string line)
    {
        try
        {
            Handle(WireMessage.Parse(line));
        }
        catch (FormatException ex)
        {
            _context.Logger.LogError(ex, "Skipped a venue message: {Problem}", ex.Message);
        }
    }

    private void Handle(WireMessage message)
    {
        if (message.Seq is not { } sequence || sequence <= _lastSequence)
        {
            // Already processed before a reconnection: the replay starts where the venue was asked to.
            return;
        }

        _lastSequence = sequence;
        var id = message.Id ?? throw new FormatException($"Venue event {sequence} ({message.Type}) has no order id.");
        WorkingOrder? order;
        lock (_gate)
        {
            _orders.TryGetValue(id, out order);
        }

        if (order is null)
        {
            _context.Logger.LogWarning("Venue sent '{Type}' for order {OrderId}, which this adapter is not working.", message.Type, id);
            return;
        }

        var clientId = new ClientOrderId(id);
        switch (message.Type)
        {
            case WireMessage.Accepted:
                Settle(id, WireMessage.New, final: false);
                _events.OnOrderStatus(clientId, OrderStatus.Accepted, null);
                break;
            case WireMessage.Rejected:
                Settle(id, WireMessage.New, final: true);
                _events.OnOrderStatus(clientId, OrderStatus.Rejected, message.Reason);
                break;
            case WireMessage.Cancelled:
                Settle(id, WireMessage.Cancel, final: true);
                _events.OnOrderStatus(clientId, OrderStatus.Cancelled, message.Reason);
                break;
            case WireMessage.CancelRejected:
                Settle(id, WireMessage.Cancel, final: false);
                _context.Logger.LogWarning("Venue refused to cancel order {OrderId}: {Reason}.", id, message.Reason);
                break;
            case WireMessage.Fill:
                var fill = ToFill(clientId, order, message);
                order.Filled += fill.Quantity;
                Settle(id, WireMessage.New, final: order.Filled >= order.Request.Quantity);
                _events.OnFill(fill);
                break;
            default:
                throw new FormatException($"Venue event {sequence} has unknown type '{message.Type}'.");
        }
    }

    /// <summary>The venue answered a command, so it need not go again; a final order is forgotten with its commands.</summary>
    private void Settle(long id, string answeredType, bool final)
    {
        lock (_gate)
        {
            _pending.RemoveAll(command => command.OrderId == id && (final || command.Type == answeredType));
            if (final)
            {
                _orders.Remove(id);
            }
        }
    }

    private Fill ToFill(ClientOrderId id, WorkingOrder order, WireMessage message)
    {
        var request = order.Request;
        return new Fill(
            id,
            request.Instrument,
            request.Side,
            Price.Parse(message.Price ?? throw new FormatException($"Fill of order {id} has no price.")),
            Quantity.Parse(message.Quantity ?? throw new FormatException($"Fill of order {id} has no quantity.")),
            message.Fee is { } fee ? decimal.Parse(fee, NumberStyles.Float, CultureInfo.InvariantCulture) : 0m,
            request.Instrument.QuoteAsset,
            // A market order takes liquidity; a limit order that rested was hit.
            request.Type == OrderType.Market ? Liquidity.Taker : Liquidity.Maker,
            message.Time ?? _context.Clock.NowMs);
    }
}
