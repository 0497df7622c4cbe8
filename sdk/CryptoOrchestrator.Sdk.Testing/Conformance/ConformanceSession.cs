using System.Globalization;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// One conformance case under way: the adapter, connected with a context as the host would give it (real time,
/// a transcript logger, a seeded random source, its parameters parsed from the venue's text, a state store), the
/// log of what it reports, and the waits and checks the cases are written in. Every failure carries the transcript.
/// </summary>
internal sealed class ConformanceSession(string caseName, IExchangeTestVenue venue, TimeSpan timeout)
{
    /// <summary>How long to keep listening after the last expected report, for duplicates and stray reports.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromMilliseconds(250);

    private readonly ExchangeEventLog _log = new();
    private readonly Dictionary<ClientOrderId, OrderRequest> _submitted = [];
    private readonly IClock _clock = new WallClock();
    private IExchange? _adapter;

    public ConformanceOrder Order { get; } = new(venue.Instrument ?? throw new ArgumentException("The venue's Instrument is null.", nameof(venue)));

    public IExchangeTestVenue Venue => venue;

    private IExchange Adapter => _adapter ?? throw new InvalidOperationException("The adapter is not connected yet.");

    /// <summary>Creates the adapter and connects it.</summary>
    public void Connect()
    {
        IExchange adapter;
        try
        {
            adapter = venue.CreateAdapter() ?? throw new InvalidOperationException("CreateAdapter returned null.");
        }
        catch (Exception ex) when (ex is not ExchangeConformanceException)
        {
            throw Fail("the venue to create an adapter", ex);
        }

        _adapter = adapter;
        var context = PluginContexts.For(adapter, venue.AdapterParameters, seed: 1, _clock, new InMemoryStateStore(), new TranscriptLoggerFactory(_log));
        Call($"connect {adapter.Metadata.Id}", () => adapter.Connect(context, _log));
    }

    public void Submit(ClientOrderId id)
    {
        var order = Order.Snapshot(id, _clock.NowMs);
        _submitted[id] = order.Request;
        var request = order.Request;
        Call(string.Create(CultureInfo.InvariantCulture, $"submit {id} {request.Side} {request.Type} {request.Quantity} @ {request.LimitPrice}"), () => Adapter.Submit(order));
    }

    public void Cancel(ClientOrderId id) => Call($"cancel {id}", () => Adapter.Cancel(id));

    /// <summary>Cancels an order left open at the end of a case, so a sandbox venue is left clean; what happens is not judged.</summary>
    public void CancelQuietly(ClientOrderId id)
    {
        _log.Note($"suite: cancel {id} (clean-up, not judged)");
        try
        {
            Adapter.Cancel(id);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _log.Note($"suite: clean-up cancel threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Notes in the transcript what the venue is about to do.</summary>
    public void NoteVenue(string action) => _log.Note($"venue: {action}");

    /// <summary>Waits for the adapter to report <paramref name="status"/> for <paramref name="id"/>.</summary>
    public async Task<ReportedEvent> ExpectStatusAsync(ClientOrderId id, OrderStatus status, string expectation)
    {
        if (!await _log.WaitUntilAsync(reports => reports.Any(r => r.IsStatus(id, status)), timeout).ConfigureAwait(false))
        {
            throw Fail($"{expectation} within {Seconds(timeout)}");
        }

        return _log.Events().First(r => r.IsStatus(id, status));
    }

    /// <summary>Waits for the adapter to report at least <paramref name="count"/> fills of <paramref name="id"/>.</summary>
    public async Task ExpectFillsAsync(ClientOrderId id, int count, string expectation)
    {
        if (!await _log.WaitUntilAsync(reports => reports.Count(r => r.IsFillOf(id)) >= count, timeout).ConfigureAwait(false))
        {
            throw Fail($"{expectation} within {Seconds(timeout)}");
        }
    }

    /// <summary>Waits for the venue to hold <paramref name="id"/> open, and checks it holds what was submitted.</summary>
    public async Task ExpectVenueHoldsAsync(ClientOrderId id)
    {
        VenueOrder held;
        using (var waiting = new CancellationTokenSource(timeout))
        {
            try
            {
                held = await venue.WaitForOpenOrderAsync(id, waiting.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw Fail($"the venue to receive {id} within {Seconds(timeout)}");
            }
        }

        var expected = Order.AtVenue(id);
        if (held != expected)
        {
            throw Fail($"the venue to hold {id} as submitted, {Describe(expected)}, but it holds {Describe(held)}");
        }

        if (!venue.IsOpen(id))
        {
            throw Fail($"the venue to hold {id} open");
        }
    }

    /// <summary>Keeps listening for <see cref="GracePeriod"/>, so that a duplicate or stray report has time to arrive.</summary>
    public Task SettleAsync() => Task.Delay(GracePeriod);

    /// <summary>Everything the adapter reported for <paramref name="id"/>, in order.</summary>
    public IReadOnlyList<ReportedEvent> ReportsOf(ClientOrderId id) => [.. _log.Events().Where(r => r.OrderId == id)];

    /// <summary>The fills the adapter reported for <paramref name="id"/>, in order.</summary>
    public IReadOnlyList<Fill> FillsOf(ClientOrderId id) => [.. ReportsOf(id).Where(r => r.Fill is not null).Select(r => r.Fill!.Value)];

    /// <summary>Fails unless the engine's order manager would accept every report so far.</summary>
    public void EnsureReportsArePossible()
    {
        if (ReportSequence.FirstViolation(_log.Events(), _submitted) is { } violation)
        {
            throw Fail($"only reports the engine's order manager accepts, but {violation}");
        }
    }

    public ExchangeConformanceException Fail(string expected, Exception? innerException = null) =>
        new(caseName, expected, _log.Transcript(), innerException);

    /// <summary>Disposes the adapter if it is disposable; what it threw, or null.</summary>
    public async Task<Exception?> CloseAsync()
    {
        _log.Note("suite: dispose the adapter");
        try
        {
            switch (_adapter)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }

            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    public static string Describe(VenueOrder order) =>
        string.Create(CultureInfo.InvariantCulture, $"{order.Side} {order.Type} {order.Quantity} @ {order.LimitPrice}");

    public static string Describe(Quantity quantity, Price price) => string.Create(CultureInfo.InvariantCulture, $"{quantity} @ {price}");

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");

    private void Call(string what, Action call)
    {
        _log.Note($"suite: {what}");
        try
        {
            call();
        }
        catch (Exception ex) when (ex is not ExchangeConformanceException)
        {
            throw Fail($"the adapter to take '{what}' without throwing, but it threw {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
