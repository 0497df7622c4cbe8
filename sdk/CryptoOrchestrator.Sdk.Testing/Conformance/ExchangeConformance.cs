using System.Runtime.ExceptionServices;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// The conformance suite every exchange adapter must pass. Each case creates a fresh adapter from the venue,
/// connects it with a context as the host would, drives it from the engine's side and the venue from the venue's
/// side, and waits for what the adapter reports (from any thread) with a timeout. A failure throws
/// <see cref="ExchangeConformanceException"/> saying what was expected and showing the transcript of the case.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>place</c>: Accepted is reported once; the venue holds the order with the same side, type, quantity and price.</item>
/// <item><c>cancel</c>: after Accepted, a cancel is reported Cancelled once and the venue no longer holds the order.</item>
/// <item><c>partial-fill</c>: two venue fills are reported as exactly two fills with the venue's quantities and
/// prices, the order's id and side, and the instrument.</item>
/// <item><c>reject</c>: an order the venue rejects is reported Rejected with the venue's reason in it, and never Accepted.</item>
/// <item><c>reconnect</c>: a fill while connected, then the venue drops the connection and fills again while it is
/// down; the adapter reconnects by itself and reports each fill exactly once; a new order then places and cancels.</item>
/// </list>
/// After its last expected report every case keeps listening for 250 ms, then checks that every report is one the
/// engine's order manager accepts (no status for an unknown order, no fill status through OnOrderStatus, no move the
/// order state machine forbids, no fills beyond the order's quantity).
/// </remarks>
public static class ExchangeConformance
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private static readonly Dictionary<string, Func<ConformanceSession, Task>> Cases = new(StringComparer.Ordinal)
    {
        ["place"] = ConformanceCases.PlaceAsync,
        ["cancel"] = ConformanceCases.CancelAsync,
        ["partial-fill"] = ConformanceCases.PartialFillAsync,
        ["reject"] = ConformanceCases.RejectAsync,
        ["reconnect"] = ConformanceCases.ReconnectAsync,
    };

    /// <summary>The cases, in the order they build on one another: place, cancel, partial-fill, reject, reconnect.</summary>
    public static IReadOnlyList<string> CaseNames { get; } = ["place", "cancel", "partial-fill", "reject", "reconnect"];

    /// <summary>
    /// Runs one case against an adapter created by <paramref name="venue"/>, waiting up to <paramref name="timeout"/>
    /// (5 s by default) for each expected report, and disposes the adapter afterwards.
    /// </summary>
    /// <exception cref="ExchangeConformanceException">The adapter did not do what the case expects.</exception>
    /// <exception cref="ArgumentException">No case has that name; the message lists the cases.</exception>
    public static async Task RunAsync(string caseName, IExchangeTestVenue venue, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(caseName);
        ArgumentNullException.ThrowIfNull(venue);
        if (!Cases.TryGetValue(caseName, out var run))
        {
            throw new ArgumentException($"There is no conformance case '{caseName}'; the cases are {string.Join(", ", CaseNames)}.", nameof(caseName));
        }

        var wait = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(wait, TimeSpan.Zero, nameof(timeout));
        var session = new ConformanceSession(caseName, venue, wait);
        ExceptionDispatchInfo? failure = null;
        try
        {
            await run(session).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }

        var disposeError = await session.CloseAsync().ConfigureAwait(false);
        failure?.Throw();
        if (disposeError is not null)
        {
            throw session.Fail($"the adapter to dispose without throwing, but it threw {disposeError.GetType().Name}: {disposeError.Message}", disposeError);
        }
    }
}
