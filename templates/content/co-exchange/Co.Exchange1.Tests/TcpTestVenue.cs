using System.Net;
using System.Net.Sockets;
using System.Text;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.Exchange1.Tests;

/// <summary>
/// An in-process venue on a loopback port speaking the adapter's protocol: it keeps every event it
/// ever sent, numbered, and replays those after the number a reconnecting adapter gives in its hello.
/// One adapter connection at a time, as with a real account's order stream.
/// </summary>
internal sealed class TcpTestVenue : IExchangeTestVenue
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _events = [];
    private readonly Dictionary<long, VenueOrder> _open = [];
    private readonly Dictionary<long, TaskCompletionSource<VenueOrder>> _opened = [];
    private readonly List<Co_Exchange1Exchange> _adapters = [];
    private readonly Task _acceptLoop;
    private TcpClient? _client;
    private StreamWriter? _session;
    private string? _rejectNext;
    private long _time = 1_700_000_000_000;

    public TcpTestVenue()
    {
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        AdapterParameters = new Dictionary<string, string>
        {
            ["host"] = "127.0.0.1",
            ["port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reconnect-delay-ms"] = "20",
        };
        _acceptLoop = AcceptAsync();
    }

    public Instrument Instrument { get; } = Instrument.Spot("BTCUSDT");

    public IReadOnlyDictionary<string, string> AdapterParameters { get; }

    public IExchange CreateAdapter()
    {
        var adapter = new Co_Exchange1Exchange();
        _adapters.Add(adapter);
        return adapter;
    }

    public async Task<VenueOrder> WaitForOpenOrderAsync(ClientOrderId id, CancellationToken cancellation)
    {
        Task<VenueOrder> opened;
        await _gate.WaitAsync(cancellation);
        try
        {
            opened = OpenedSource(id.Value).Task;
        }
        finally
        {
            _gate.Release();
        }

        return await opened.WaitAsync(cancellation);
    }

    public bool IsOpen(ClientOrderId id)
    {
        _gate.Wait();
        try
        {
            return _open.ContainsKey(id.Value);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void RejectNextOrder(string reason) => _rejectNext = reason;

    public async Task FillAsync(ClientOrderId id, Quantity quantity, Price price)
    {
        await _gate.WaitAsync();
        try
        {
            var order = _open.TryGetValue(id.Value, out var found) ? found : throw new InvalidOperationException($"Order {id} is not open at the venue.");
            var left = order.Quantity - quantity;
            if (left.Units <= 0)
            {
                _open.Remove(id.Value);
            }
            else
            {
                _open[id.Value] = order with { Quantity = left };
            }

            await PublishAsync(new WireMessage { Type = WireMessage.Fill, Id = id.Value, Quantity = quantity.ToString(), Price = price.ToString(), Fee = "0", Time = ++_time });
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task DropConnectionAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _session = null;
            _client?.Dispose();
            _client = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var adapter in _adapters)
        {
            adapter.Dispose();
        }

        await _stop.CancelAsync();
        _listener.Stop();
        _client?.Dispose();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping the listener ends the accept loop one way or another.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using var reader = new StreamReader(client.GetStream(), Encoding.UTF8);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                await HandleAsync(client, WireMessage.Parse(line));
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended (a dropped connection, or the venue shutting down).
        }
    }

    private async Task HandleAsync(TcpClient client, WireMessage message)
    {
        await _gate.WaitAsync(_stop.Token);
        try
        {
            switch (message.Type)
            {
                case WireMessage.Hello:
                    await OpenSessionAsync(client, message.After ?? 0);
                    break;
                case WireMessage.New when message.Id is { } id && !_open.ContainsKey(id) && !OpenedSource(id).Task.IsCompleted:
                    await PlaceAsync(id, message);
                    break;
                case WireMessage.Cancel when message.Id is { } id:
                    var cancelled = _open.Remove(id);
                    await PublishAsync(new WireMessage { Type = cancelled ? WireMessage.Cancelled : WireMessage.CancelRejected, Id = id, Reason = cancelled ? null : "not-open", Time = ++_time });
                    break;
                default:
                    // A repeated order (sent again after a reconnection) is already known: nothing to do.
                    break;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task OpenSessionAsync(TcpClient client, long after)
    {
        _client = client;
        _session = new StreamWriter(client.GetStream(), new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var line in _events.Skip((int)after))
        {
            await _session.WriteLineAsync(line);
        }

        await _session.FlushAsync();
    }

    private async Task PlaceAsync(long id, WireMessage message)
    {
        if (_rejectNext is { } reason)
        {
            _rejectNext = null;
            OpenedSource(id).TrySetCanceled();
            await PublishAsync(new WireMessage { Type = WireMessage.Rejected, Id = id, Reason = reason, Time = ++_time });
            return;
        }

        var order = new VenueOrder(
            new ClientOrderId(id),
            WireNames.Side(message.Side),
            WireNames.Type(message.OrderType),
            Quantity.Parse(message.Quantity!),
            message.Price is { } price ? Price.Parse(price) : Price.Zero);
        _open[id] = order;
        await PublishAsync(new WireMessage { Type = WireMessage.Accepted, Id = id, Time = ++_time });
        OpenedSource(id).TrySetResult(order);
    }

    /// <summary>Numbers the event, keeps it for replays and sends it if an adapter is connected; call under the gate.</summary>
    private async Task PublishAsync(WireMessage message)
    {
        var line = (message with { Seq = _events.Count + 1 }).ToLine();
        _events.Add(line);
        if (_session is null)
        {
            return;
        }

        try
        {
            await _session.WriteLineAsync(line);
            await _session.FlushAsync();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            // The adapter is gone; it gets the event in the replay after it reconnects.
            _session = null;
        }
    }

    private TaskCompletionSource<VenueOrder> OpenedSource(long id)
    {
        if (!_opened.TryGetValue(id, out var source))
        {
            source = new TaskCompletionSource<VenueOrder>(TaskCreationOptions.RunContinuationsAsynchronously);
            _opened[id] = source;
        }

        return source;
    }
}
