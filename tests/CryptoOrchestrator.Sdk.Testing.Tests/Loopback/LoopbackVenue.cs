using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

/// <summary>
/// A venue on a loopback TCP port speaking <see cref="WireMessage"/>s: the fake server an adapter's conformance
/// tests run against. It keeps a journal of every event it has sent, numbered, so a client that comes back after a
/// dropped connection gets what it missed; it serves one client at a time (a new connection replaces the old), and
/// treats a client order id it already knows as a resent request, not a new order.
/// </summary>
internal sealed class LoopbackVenue : IExchangeTestVenue
{
    private const string CancelledReason = "cancelled on request";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<IExchange> _createAdapter;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<WireMessage> _journal = [];
    private readonly HashSet<ClientOrderId> _known = [];
    private readonly Dictionary<ClientOrderId, (VenueOrder Order, Quantity Remaining)> _open = [];
    private readonly Dictionary<ClientOrderId, TaskCompletionSource<VenueOrder>> _arrivals = [];
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private Client? _client;
    private string? _rejectNext;
    private bool _down;

    /// <summary>Starts listening; <paramref name="createAdapter"/> makes the adapter under test (the loopback adapter by default).</summary>
    public LoopbackVenue(Func<IExchange>? createAdapter = null, IReadOnlyDictionary<string, string>? extraParameters = null)
    {
        _createAdapter = createAdapter ?? (() => new LoopbackExchangeAdapter());
        _listener.Start();
        var parameters = new Dictionary<string, string>(extraParameters ?? new Dictionary<string, string>())
        {
            ["host"] = "127.0.0.1",
            ["port"] = ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture),
        };
        AdapterParameters = parameters;
        _accepting = AcceptAsync(_stopping.Token);
    }

    public Instrument Instrument { get; } = HarnessOptions.DefaultInstrument;

    public IReadOnlyDictionary<string, string> AdapterParameters { get; }

    public IExchange CreateAdapter() => _createAdapter();

    public Task<VenueOrder> WaitForOpenOrderAsync(ClientOrderId id, CancellationToken cancellation)
    {
        lock (_gate)
        {
            return ArrivalOf(id).Task.WaitAsync(cancellation);
        }
    }

    public bool IsOpen(ClientOrderId id)
    {
        lock (_gate)
        {
            return _open.ContainsKey(id);
        }
    }

    public void RejectNextOrder(string reason)
    {
        lock (_gate)
        {
            _rejectNext = reason;
        }
    }

    public Task FillAsync(ClientOrderId id, Quantity quantity, Price price)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(id, out var entry))
            {
                throw new InvalidOperationException($"The venue holds no open order {id} to fill.");
            }

            if (quantity > entry.Remaining)
            {
                throw new InvalidOperationException($"The venue cannot fill {quantity} of {id}: only {entry.Remaining} is open.");
            }

            var remaining = entry.Remaining - quantity;
            if (remaining.IsZero)
            {
                _open.Remove(id);
            }
            else
            {
                _open[id] = (entry.Order, remaining);
            }

            Publish(new WireMessage
            {
                Type = WireMessage.FillType,
                Id = id.Value,
                Quantity = quantity.ToString(),
                Price = price.ToString(),
                Fee = "0",
                Time = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
            });

            // The outage a drop began lasts until this fill has happened without the client.
            _down = false;
        }

        return Task.CompletedTask;
    }

    public Task DropConnectionAsync()
    {
        Client? dropped;
        lock (_gate)
        {
            _down = true;
            dropped = _client;
            _client = null;
        }

        dropped?.Connection.Abort();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        lock (_gate)
        {
            _client?.Connection.Abort();
        }

        await _accepting;
        Task[] sessions;
        lock (_gate)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions);
        _stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken stopping)
    {
        while (true)
        {
            TcpClient socket;
            try
            {
                socket = await _listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _sessions.Add(ServeAsync(new JsonLineConnection(socket), stopping));
            }
        }
    }

    /// <summary>One client connection: hello and the replay, then its requests until it goes.</summary>
    private async Task ServeAsync(JsonLineConnection connection, CancellationToken stopping)
    {
        using (connection)
        {
            try
            {
                var hello = await connection.ReceiveAsync(stopping);
                var client = hello?.Type == WireMessage.HelloType ? Admit(connection, hello.After) : null;
                if (client is not null)
                {
                    await connection.ExchangeAsync(client.Outbox.Reader, Handle, stopping);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went, or the venue is shutting down: either way this session is over.
            }
            finally
            {
                Release(connection);
            }
        }
    }

    private void Release(JsonLineConnection connection)
    {
        lock (_gate)
        {
            if (_client?.Connection == connection)
            {
                _client = null;
            }
        }
    }

    /// <summary>Makes <paramref name="connection"/> the client and queues the events after <paramref name="after"/>; null while the venue is down.</summary>
    private Client? Admit(JsonLineConnection connection, long after)
    {
        lock (_gate)
        {
            if (_down)
            {
                return null;
            }

            _client?.Connection.Abort();
            _client = new Client(connection);
            foreach (var missed in _journal.Where(e => e.Seq > after))
            {
                _client.Send(missed);
            }

            return _client;
        }
    }

    private void Handle(WireMessage request)
    {
        lock (_gate)
        {
            var id = request.OrderId;
            if (request.Type == WireMessage.SubmitType && _known.Add(id))
            {
                Place(request);
            }
            else if (request.Type == WireMessage.CancelType && _open.Remove(id))
            {
                Publish(new WireMessage { Type = WireMessage.CancelledType, Id = id.Value, Reason = CancelledReason });
            }
        }
    }

    private void Place(WireMessage request)
    {
        var id = request.OrderId;
        if (_rejectNext is { } reason)
        {
            _rejectNext = null;
            Publish(new WireMessage { Type = WireMessage.RejectedType, Id = id.Value, Reason = reason });
            return;
        }

        var order = new VenueOrder(id, request.Side, request.OrderType, request.ParsedQuantity(), request.ParsedPrice());
        _open[id] = (order, order.Quantity);
        Publish(new WireMessage { Type = WireMessage.AcceptedType, Id = id.Value });
        ArrivalOf(id).TrySetResult(order);
    }

    /// <summary>Journals an event and sends it to the client, if one is connected. Under the lock, so events go out in journal order.</summary>
    private void Publish(WireMessage venueEvent)
    {
        var numbered = venueEvent.Numbered(_journal.Count + 1);
        _journal.Add(numbered);
        _client?.Send(numbered);
    }

    private TaskCompletionSource<VenueOrder> ArrivalOf(ClientOrderId id)
    {
        if (!_arrivals.TryGetValue(id, out var arrival))
        {
            arrival = new TaskCompletionSource<VenueOrder>(TaskCreationOptions.RunContinuationsAsynchronously);
            _arrivals.Add(id, arrival);
        }

        return arrival;
    }

    /// <summary>The connected client, and the events queued for it: the venue never waits on a socket while it holds its lock.</summary>
    private sealed record Client(JsonLineConnection Connection)
    {
        public Channel<WireMessage> Outbox { get; } = Channel.CreateUnbounded<WireMessage>(new UnboundedChannelOptions { SingleReader = true });

        public void Send(WireMessage message) => Outbox.Writer.TryWrite(message);
    }
}
