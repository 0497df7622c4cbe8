namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// The caller's idempotency key for an order. Submitting a second order with the id of one
/// that is still open returns the open order instead of creating another, as venues do; once
/// the order is final the id may be used again. A number rather than a string so that order
/// traffic allocates nothing; adapters format it as text with <see cref="ToString"/>.
/// </summary>
/// <param name="Value">A positive number; 0 means "let the order manager assign one".</param>
public readonly record struct ClientOrderId(long Value)
{
    /// <summary>No id: the order manager assigns the next free one.</summary>
    public static ClientOrderId None => default;

    /// <summary>True when no id was given.</summary>
    public bool IsNone => Value == 0;

    /// <inheritdoc />
    public override string ToString() => $"co-{Value}";
}
