namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>
/// An exchange adapter failed a conformance case. The message says what the case expected and shows what was
/// seen: every call the suite made, every venue action, every event and log line the adapter produced, timed.
/// </summary>
public sealed class ExchangeConformanceException : Exception
{
    /// <summary>Creates the exception for a failed case.</summary>
    /// <param name="caseName">The case, e.g. <c>reconnect</c>.</param>
    /// <param name="expected">What the adapter should have done, as a phrase ("Accepted for co-1 within 5 s").</param>
    /// <param name="seen">The transcript of the case, one line per event.</param>
    /// <param name="innerException">What the adapter threw, if that is how it failed.</param>
    public ExchangeConformanceException(string caseName, string expected, IReadOnlyList<string> seen, Exception? innerException = null)
        : base(Describe(caseName, expected, seen), innerException)
    {
        CaseName = caseName;
        Expected = expected;
        Seen = seen;
    }

    /// <summary>Creates the exception with a message only (prefer the constructor that says what was expected and seen).</summary>
    public ExchangeConformanceException()
        : this("unknown", "the adapter to conform", [])
    {
    }

    /// <summary>Creates the exception with a message only (prefer the constructor that says what was expected and seen).</summary>
    public ExchangeConformanceException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and a cause (prefer the constructor that says what was expected and seen).</summary>
    public ExchangeConformanceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        CaseName = "unknown";
        Expected = message;
        Seen = [];
    }

    /// <summary>The case that failed.</summary>
    public string CaseName { get; }

    /// <summary>What the adapter should have done.</summary>
    public string Expected { get; }

    /// <summary>What happened during the case, one line per event, in order.</summary>
    public IReadOnlyList<string> Seen { get; }

    private static string Describe(string caseName, string expected, IReadOnlyList<string> seen)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var lines = seen.Count == 0 ? "  (nothing)" : string.Join(Environment.NewLine, seen.Select(line => "  " + line));
        return $"Exchange conformance case '{caseName}' failed: expected {expected}.{Environment.NewLine}Seen:{Environment.NewLine}{lines}";
    }
}
