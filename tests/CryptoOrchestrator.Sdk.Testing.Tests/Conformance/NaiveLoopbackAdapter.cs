using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading.Channels;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Conformance;

/// <summary>
/// A loopback adapter that keeps no place in the venue's event stream: every connection asks for all of it. With
/// <c>reconnects</c> false it is the adapter that never comes back after a drop; with it true, the one that reports
/// again, after reconnecting, everything it had already reported. Both are mistakes on purpose.
/// </summary>
internal sealed class NaiveLoopbackAdapter(bool reconnects) : IExchange, IAsyncDisposable
{
    private readonly ConcurrentDictionary<ClientOrderId, OrderRequest> _orders = new();
    private readonly Channel<WireMessage> _outbox = Channel.CreateUnbounded<WireMessage>();
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public PluginMetadata Metadata { get; } = new LoopbackExchangeAdapter().Metadata with { Id = "naive-loopback-exchange" };

    public void Connect(IPluginContext context, IExchangeEvents events)
    {
        var host = context.Parameters.GetText("host");
        var port = context.Parameters.GetInt32("port");
        _running = Task.Run(() => RunAsync(host, port, events, _stopping.Token));
    }

    public void Submit(in OrderSnapshot order)
    {
        _orders[order.Id] = order.Request;
        _outbox.Writer.TryWrite(WireMessage.Submit(order));
    }

    public void Cancel(ClientOrderId id) => _outbox.Writer.TryWrite(WireMessage.Cancel(id));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _running;
        _stopping.Dispose();
    }

    private static async Task<bool> Pause(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(50, stopping);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunAsync(string host, int port, IExchangeEvents events, CancellationToken stopping)
    {
        do
        {
            try
            {
                using var connection = await JsonLineConnection.OpenAsync(host, port, stopping);
                await connection.SendAsync(WireMessage.Hello(after: 0), stopping);
                await connection.ExchangeAsync(_outbox.Reader, venueEvent => LoopbackExchangeAdapter.Report(venueEvent, _orders[venueEvent.OrderId], events), stopping);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // Dropped: whether it comes back is what this adapter gets wrong, or not.
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
        while (reconnects && await Pause(stopping));
    }
}
