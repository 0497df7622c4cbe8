namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// The life of an order. The allowed moves are kept by <see cref="OrderStateMachine"/>;
/// <see cref="Filled"/>, <see cref="Cancelled"/>, <see cref="Rejected"/> and <see cref="Expired"/> are final.
/// </summary>
public enum OrderStatus
{
    /// <summary>Created by the order manager, not yet acknowledged by the exchange.</summary>
    New = 1,

    /// <summary>Acknowledged and working.</summary>
    Accepted = 2,

    /// <summary>Some quantity filled, the rest still working.</summary>
    PartiallyFilled = 3,

    /// <summary>All quantity filled.</summary>
    Filled = 4,

    /// <summary>Cancelled on request.</summary>
    Cancelled = 5,

    /// <summary>Refused by a risk rule, the order manager or the exchange; the reason says which.</summary>
    Rejected = 6,

    /// <summary>Ended by its time in force (IOC or FOK remainder).</summary>
    Expired = 7,
}
