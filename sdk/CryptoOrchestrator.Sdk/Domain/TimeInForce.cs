namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>How long an order may rest.</summary>
public enum TimeInForce
{
    /// <summary>Good till cancelled: rests until filled or cancelled.</summary>
    Gtc = 1,

    /// <summary>Immediate or cancel: whatever cannot fill at once expires.</summary>
    Ioc = 2,

    /// <summary>Fill or kill: fills completely at once or expires without any fill.</summary>
    Fok = 3,
}
