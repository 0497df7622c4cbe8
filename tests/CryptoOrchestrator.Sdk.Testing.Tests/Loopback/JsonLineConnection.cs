using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Loopback;

/// <summary>
/// One TCP connection carrying <see cref="WireMessage"/>s as JSON lines, used by both ends. Receiving and sending
/// may run at once, on different threads; each of them by one caller at a time.
/// </summary>
internal sealed class JsonLineConnection : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TcpClient _socket;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    public JsonLineConnection(TcpClient socket)
    {
        _socket = socket;
        var stream = socket.GetStream();
        _reader = new StreamReader(stream, Utf8);
        _writer = new StreamWriter(stream, Utf8) { NewLine = "\n" };
    }

    public static async Task<JsonLineConnection> OpenAsync(string host, int port, CancellationToken cancellation)
    {
        var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(host, port, cancellation);
            return new JsonLineConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next message; null once the other end has closed the connection.</summary>
    public async Task<WireMessage?> ReceiveAsync(CancellationToken cancellation) =>
        await _reader.ReadLineAsync(cancellation) is { } line ? WireMessage.Parse(line) : null;

    public async Task SendAsync(WireMessage message, CancellationToken cancellation)
    {
        await _writer.WriteLineAsync(message.ToLine().AsMemory(), cancellation);
        await _writer.FlushAsync(cancellation);
    }

    /// <summary>
    /// Sends what <paramref name="outbox"/> yields while handing each message received to <paramref name="received"/>,
    /// until the other end closes the connection (it returns) or the connection fails (IOException or SocketException).
    /// </summary>
    public async Task ExchangeAsync(ChannelReader<WireMessage> outbox, Action<WireMessage> received, CancellationToken cancellation)
    {
        using var connected = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var sending = SendAllAsync(outbox, connected.Token);
        try
        {
            while (await ReceiveAsync(cancellation) is { } message)
            {
                received(message);
            }
        }
        finally
        {
            await connected.CancelAsync();
            await sending;
        }
    }

    /// <summary>Sends what the outbox yields, in order; a failed send aborts the connection, so the receiving side learns of it too.</summary>
    private async Task SendAllAsync(ChannelReader<WireMessage> outbox, CancellationToken cancellation)
    {
        try
        {
            await foreach (var message in outbox.ReadAllAsync(cancellation))
            {
                await SendAsync(message, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The connection is over.
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
        {
            Abort();
        }
    }

    /// <summary>Drops the connection at once (a reset, not a goodbye), as a failing network would.</summary>
    public void Abort()
    {
        _socket.LingerState = new LingerOption(enable: true, seconds: 0);
        _socket.Close();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _writer.Dispose();
        _socket.Dispose();
    }
}
