namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// A strategy's view on an instrument. The pipeline fuses the signals of all strategies into a
/// target exposure, checks it against the risk rules and sizes it into orders.
/// </summary>
/// <param name="Instrument">What the view is about.</param>
/// <param name="Direction">Long, short or flat.</param>
/// <param name="Strength">How much of the allowed exposure to take, 0 to 1.</param>
/// <param name="Confidence">How sure the strategy is, 0 to 1; fusion weighs signals by it.</param>
/// <param name="Horizon">How long the view is expected to hold; <see cref="TimeSpan.Zero"/> when unstated.</param>
/// <param name="Tag">A label for the strategy's own use and for event sinks (say, the rule that fired); may be null.</param>
public readonly record struct Signal(
    Instrument Instrument,
    SignalDirection Direction,
    double Strength = 1.0,
    double Confidence = 1.0,
    TimeSpan Horizon = default,
    string? Tag = null)
{
    /// <summary>The exposure the signal asks for on its own: direction × strength, in [-1, 1].</summary>
    public double TargetExposure => (int)Direction * Strength;

    /// <summary>Why the signal is malformed (strength or confidence outside [0, 1], not a number), or null.</summary>
    public string? Malformation()
    {
        if (Instrument is null)
        {
            return "instrument is missing";
        }

        if (!(Strength is >= 0 and <= 1))
        {
            return $"strength {Strength} is outside [0, 1]";
        }

        if (!(Confidence is >= 0 and <= 1))
        {
            return $"confidence {Confidence} is outside [0, 1]";
        }

        return Direction is SignalDirection.Flat or SignalDirection.Long or SignalDirection.Short ? null : "direction is unknown";
    }
}
